"""Strings an attacker or a broken client sends, used against every public URL."""

HOSTILE_INPUTS = [
    "<script>alert(1)</script>",
    '"><svg onload=alert(1)>',
    "'><img src=x onerror=alert(1)>",
    "javascript:alert(document.cookie)",
    '" onmouseover="alert(1)',
    "' OR '1'='1' --",
    "1; DROP TABLE cities_city; --",
    "%' UNION SELECT password FROM auth_user --",
    "../../etc/passwd",
    "..%2F..%2Fetc%2Fpasswd",
    "\x00",
    "wijk\x00aanpak",
    "%00",
    "A" * 3000,
    "\u202eredivorp\u202c",
    "wijk\r\nSet-Cookie: gehackt=1",
    "{{ settings.SECRET_KEY }}",
    "{% debug %}",
    "${7*7}",
    "😀 wijk ünïcödé",
    "    ",
    "\\",
]

# Characters that change the meaning of HTML when they reach a page unescaped.
HTML_SPECIAL = set("<>\"'")
