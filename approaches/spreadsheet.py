"""CSV files as Dutch readers open them: the comparison here, the data downloads in api/.

Dutch Excel wants a byte order mark (so é, ë and ‘ ’ read as UTF-8), ";" between fields (the
comma is the decimal sign there) and CRLF line ends; every other tool reads such files too. A
cell that would start a formula is made inert.
"""

import csv

from django.http import HttpResponse

FORMULA_STARTS = {"=", "+", "-", "@", "\t", "\r"}


def csv_download(filename: str) -> tuple[HttpResponse, object]:
    """A response that downloads as ``filename``, and a writer for its rows."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    return response, csv.writer(response, delimiter=";", lineterminator="\r\n")


def inert(text: str) -> str:
    """Text a spreadsheet will not run as a formula (a leading =, +, - or @ starts one)."""
    return "'" + text if text[:1] in FORMULA_STARTS else text
