"""The hostile-mail fuzz suite: a seeded generator (`hostile`), checks shared with
`bench/fuzz.py` (`verify`), and the tests that feed both through the real CLI."""
