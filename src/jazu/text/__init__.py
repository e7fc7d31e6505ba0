"""Stages every script shares: cutting a stream into pieces (`stream`), bytes in and out
(`textio`), the per-word cache (`wordcache`) and quotation marks (`quotes`)."""
