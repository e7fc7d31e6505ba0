from jazu.cli import main

main()
