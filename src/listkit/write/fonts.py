"""The typefaces listkit's workbooks are set in, by the names Excel and WPS know them by.

These are font names, not text for people: they stay the same in every language (an English change order is
still set in SimSun), and this module is on the Chinese-literal allowlist of tests/test_catalogue.py for that.
"""

from __future__ import annotations

BODY_FONT = "宋体"  # SimSun; LibreOffice and WPS fall back to Noto CJK where it is missing (see print_text)
TITLE_FONT = "方正小标宋简体"  # the face official documents set their titles in
