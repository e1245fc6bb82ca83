"""Vietnamese text as the TCVN3 (ABC) and VNI fonts stored it, read back as Latin-1: the
mojibake a careless copy from an old Word file produces ("Hà Nội" -> "Hµ Néi", "Vieät")."""

from __future__ import annotations

import unicodedata

# TCVN3: one byte per letter; capitals other than Ă Â Đ Ê Ô Ơ Ư use the lower-case byte in
# a capital font, so they come back lower case.
_TCVN3_LETTERS = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂĐÊÔƠƯ"
_TCVN3_BYTES = "µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\u00adõøö÷ùúýûüþ¡¢§£¤¥¦"
TCVN3 = dict(zip(_TCVN3_LETTERS, _TCVN3_BYTES))
assert len(_TCVN3_LETTERS) == len(_TCVN3_BYTES) == 74


def tcvn3(text: str) -> str:
    out = []
    for char in unicodedata.normalize("NFC", text):
        if char in TCVN3:
            out.append(TCVN3[char])
        elif char.lower() in TCVN3 and char not in "ĂÂĐÊÔƠƯ":
            out.append(TCVN3[char.lower()])
        else:
            out.append(char)
    return "".join(out)


# VNI: a base letter followed by a byte for its marks.
_QUALITY = {"\u0302": "â", "\u0306": "ê", "\u031b": ""}  # circumflex, breve, horn (horn: ô / ö)
_TONE_PLAIN = {"\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
_TONE_CIRCUMFLEX = {"\u0301": "á", "\u0300": "à", "\u0309": "å", "\u0303": "ã", "\u0323": "ä"}
_TONE_BREVE = {"\u0301": "é", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë"}
_I = {"\u0301": "í", "\u0300": "ì", "\u0309": "æ", "\u0303": "ó", "\u0323": "ò"}


def _vni_letter(char: str) -> str:
    if char in "đĐ":
        return "ñ" if char == "đ" else "Ñ"
    decomposed = unicodedata.normalize("NFD", char)
    base, marks = decomposed[0], decomposed[1:]
    if not marks or not base.isascii():
        return char
    upper = base.isupper()
    tone = next((m for m in marks if m in _TONE_PLAIN), None)
    quality = next((m for m in marks if m in _QUALITY), None)
    if base.lower() == "i" and tone:
        return _I[tone].upper() if upper else _I[tone]
    if base.lower() == "y" and tone == "\u0323":
        return "Î" if upper else "î"
    if quality == "\u031b":  # ơ ư are letters of their own: ô, ö
        head = {"o": "ô", "u": "ö"}[base.lower()]
        head = head.upper() if upper else head
        tail = _TONE_PLAIN[tone] if tone else ""
    else:
        head = base
        if quality == "\u0302":
            tail = _TONE_CIRCUMFLEX[tone] if tone else "â"
        elif quality == "\u0306":
            tail = _TONE_BREVE[tone] if tone else "ê"
        else:
            tail = _TONE_PLAIN[tone] if tone else ""
    return head + (tail.upper() if upper else tail)


def vni(text: str) -> str:
    return "".join(_vni_letter(c) for c in unicodedata.normalize("NFC", text))
