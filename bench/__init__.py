"""Benchmarks: ``python -m bench NAME [options]`` runs ``bench/NAME.py`` (results in bench/results/)."""
