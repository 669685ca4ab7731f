"""Running the app for tests, benchmarks and screenshots: a real server on a free loopback port,
and Debian's chromium driven the way a person fills the questionnaire. Used by tests/, bench/
and scripts/, which do not import each other."""
