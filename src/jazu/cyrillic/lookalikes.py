"""Latin letters typed inside Kazakh Cyrillic words for the Cyrillic letters they look like
(бiлiм with a Latin i, Əлем): every writer out of Cyrillic reads them as those letters."""

LOOKALIKES = {"i": "і", "I": "І", "ə": "ә", "Ə": "Ә"}
TO_CYRILLIC = str.maketrans(LOOKALIKES)  # a str.translate table
