"""The review site as a person sees it, in real headless Chromium (selenium), opened from disk.

Skips when /usr/bin/chromium or /usr/bin/chromedriver is missing (Debian
packages chromium and chromium-driver). Leaves screenshots at
/tmp/review-overview.png, /tmp/review-state.png and /tmp/review-doc.png.
"""

import shutil
import tempfile
from pathlib import Path

import pytest

from pipeline.report.review import write_review

CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
                       reason="needs /usr/bin/chromium and /usr/bin/chromedriver "
                              "(apt-get install chromium chromium-driver)"),
]
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

from tests.conftest import read_rows, write_run  # noqa: E402

FILLER = "The delegations explained their national systems of export control in some detail. " * 3
ORGS = ["Caribbean Community", "Organization of American States", "International Atomic Energy Agency",
        "Central American Integration System", "African Union"]
WARNING = "no text on pages 4-5 (scanned?)"
MANY = 900          # mentions in the last note, more than the tables draw at once


def build_run(out: Path) -> None:
    """Five notes: in each Peru early, an organization, Denmark far down, a recommendation by
    Denmark; note-2 carries a warning, copy.pdf duplicates note-0, note-4 has MANY mentions."""
    rows = {t: [] for t in ("documents", "mentions", "states", "organizations", "dates", "recommendations",
                            "meetings")}
    for k in range(5):
        doc = f"folder/note-{k}.pdf"
        head = f"Peru hosted the {ORGS[k]} on 9 November 2010.\n\n"
        tail = "Denmark recommended that Peru share its experience."
        extra = " ".join(["Chile"] * (MANY if k == 4 else 0))
        text = head + "\n\n".join([FILLER] * 30) + "\n\n" + extra + "\n\n" + tail
        (out / "text" / "folder").mkdir(parents=True, exist_ok=True)
        (out / "text" / f"{doc}.txt").write_text(text, encoding="utf-8")
        rows["documents"].append({"document": doc, "pages": "3", "status": "ok", "title": f"Note {k}",
                                  "language": "en", "warnings": WARNING if k == 2 else ""})
        found = [("STATE", "Peru", "PER", text.index("Peru")), ("ORG", ORGS[k], ORGS[k], text.index(ORGS[k])),
                 ("DATE", "9 November 2010", "2010-11-09/2010-11-09", text.index("9 November 2010")),
                 ("STATE", "Denmark", "DNK", text.index("Denmark")),
                 ("STATE", "Peru", "PER", text.index("Peru", text.index("Denmark")))]
        found += [("STATE", "Chile", "CHL", text.index(extra) + 6 * i) for i in range(MANY if k == 4 else 0)]
        for label, s, norm, i in found:
            rows["mentions"].append({"document": doc, "label": label, "text": s, "norm": norm, "page": "1",
                                     "start": i, "end": i + len(s), "sentence": s, "source": "test"})
        rows["states"] += [{"document": doc, "iso3": "PER", "name": "Peru", "mentions": 2, "first_page": 1,
                            "role": "participant"},
                           {"document": doc, "iso3": "DNK", "name": "Denmark", "mentions": 1, "first_page": 3,
                            "role": "mentioned"}]
        if k == 4:
            rows["states"].append({"document": doc, "iso3": "CHL", "name": "Chile", "mentions": MANY,
                                   "first_page": 3, "role": "mentioned"})
        rows["organizations"].append({"document": doc, "name": ORGS[k], "mentions": 1, "first_page": 1})
        rows["dates"].append({"document": doc, "text": "9 November 2010", "start": "2010-11-09",
                              "end": "2010-11-09", "mentions": 1, "first_page": 1})
        rows["recommendations"].append({"document": doc, "text": tail, "cue": "recommended", "page": 3,
                                        "by": "Denmark", "actor": "Peru", "start": text.index(tail), "end": len(text)})
        rows["meetings"].append({"document": doc, "name": f"Seminar {k}", "venue": "Lima", "country": "PER",
                                 "start": f"201{k}-11-09", "end": f"201{k}-11-11", "page": 1})
    rows["documents"].append({"document": "folder/copy.pdf", "pages": "3", "status": "ok",
                              "duplicate_of": "folder/note-0.pdf"})
    write_run(out, rows)


@pytest.fixture(scope="module")
def site():
    from selenium.webdriver.chrome.service import Service

    work = Path(tempfile.mkdtemp(prefix="unnotes-review-"))
    out = work / "out"
    build_run(out)
    entry = write_review(out)
    opts = webdriver.ChromeOptions()
    opts.binary_location = str(CHROMIUM)
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run", f"--user-data-dir={work / 'profile'}", "--window-size=1400,1000"):
        opts.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=opts)
    try:
        yield driver, entry, out
    finally:
        driver.quit()
        shutil.rmtree(work, ignore_errors=True)


def visible_rows(driver, section_id):
    return [r for r in driver.find_elements(By.CSS_SELECTOR, f"#{section_id} tbody tr") if r.is_displayed()]


def in_viewport(driver, el) -> bool:
    return driver.execute_script(
        "var r = arguments[0].getBoundingClientRect();"
        "return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;", el)


def test_the_overview_draws_its_charts(site):
    driver, entry, out = site
    driver.get(entry.as_uri())
    bars = driver.find_elements(By.CSS_SELECTOR, "#states-chart svg.chart rect")
    assert len(bars) == 3                                         # Peru, Denmark, Chile
    widths = [b.size["width"] for b in bars]
    assert all(w > 0 for w in widths) and widths[0] > widths[-1]  # 5 notes against 1
    meetings = driver.find_elements(By.CSS_SELECTOR, "#timeline svg rect.meeting")
    assert len(meetings) == 5 and all(m.is_displayed() for m in meetings)
    assert driver.find_element(By.CSS_SELECTOR, "#who svg.chart rect").size["width"] > 0
    driver.save_screenshot("/tmp/review-overview.png")


def test_warnings_and_duplicates_are_shown_on_the_document_rows(site):
    driver, entry, out = site
    driver.get(entry.as_uri())
    rows = {r.find_element(By.TAG_NAME, "td").text: r for r in visible_rows(driver, "documents")}
    assert len(rows) == 6
    warn = rows["folder/note-2.pdf"].find_element(By.CSS_SELECTOR, ".badge-warn")
    assert warn.is_displayed() and warn.text == WARNING
    dup = rows["folder/copy.pdf"].find_element(By.CSS_SELECTOR, ".badge-dup")
    assert dup.is_displayed() and dup.text == "duplicate of folder/note-0.pdf"
    reasons = driver.find_element(By.CSS_SELECTOR, "#overview ul.reasons").text
    for doc in read_rows(out / "documents.csv"):                 # every warning of documents.csv is on the page
        if doc["warnings"]:
            assert doc["warnings"] in reasons


def test_filtering_sorting_and_lazy_rows(site):
    driver, entry, out = site
    driver.get(entry.as_uri())
    section = driver.find_element(By.ID, "organizations")
    box = section.find_element(By.CSS_SELECTOR, "input.filter-text")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
    box.send_keys("caribbean")
    assert [r.find_element(By.TAG_NAME, "td").text for r in visible_rows(driver, "organizations")] == \
        ["Caribbean Community"]
    assert section.find_element(By.CSS_SELECTOR, ".count").text == "1 of 5 rows"
    box.send_keys("\b" * len("caribbean"))
    header = section.find_element(By.CSS_SELECTOR, "th")                  # sort by name, then reverse
    header.click()
    names = [r.find_element(By.TAG_NAME, "td").text for r in visible_rows(driver, "organizations")]
    assert names == sorted(ORGS, key=str.lower)
    header.click()
    names = [r.find_element(By.TAG_NAME, "td").text for r in visible_rows(driver, "organizations")]
    assert names == sorted(ORGS, key=str.lower, reverse=True)
    # a long table: every row is in the count, rows are drawn as the reader scrolls
    driver.get((out / "review" / "mentions.html").as_uri())
    total = MANY + 25
    count = driver.find_element(By.CSS_SELECTOR, "#mentions .count")
    assert count.text == f"{total} of {total} rows"
    drawn = len(driver.find_elements(By.CSS_SELECTOR, "#mentions tbody tr"))
    assert drawn < total
    scroller = driver.find_element(By.CSS_SELECTOR, "#mentions .scroll")
    for _ in range(10):
        driver.execute_script("arguments[0].scrollTop = arguments[0].scrollHeight", scroller)
        WebDriverWait(driver, 5).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#mentions tbody tr")) > drawn)
        drawn = len(driver.find_elements(By.CSS_SELECTOR, "#mentions tbody tr"))
        if drawn == total:
            break
    assert drawn == total
    Select(driver.find_element(By.CSS_SELECTOR, "#mentions select.filter-doc")).select_by_visible_text(
        "folder/note-1.pdf")
    assert count.text == f"5 of {total} rows"


def test_a_state_page_shows_the_counts_of_the_tables(site):
    driver, entry, out = site
    driver.get(entry.as_uri())
    link = next(a for a in driver.find_elements(By.CSS_SELECTOR, "#states tbody a") if a.text == "Peru")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    link.click()
    assert driver.current_url.endswith("review/state-PER.html")
    cards = {c.find_element(By.TAG_NAME, "span").text: int(c.find_element(By.TAG_NAME, "b").text.replace(",", ""))
             for c in driver.find_elements(By.CSS_SELECTOR, ".card")}
    states = [r for r in read_rows(out / "states.csv") if r["iso3"] == "PER"]
    mentions = [r for r in read_rows(out / "mentions.csv") if r["label"] == "STATE" and r["norm"] == "PER"]
    recs = read_rows(out / "recommendations.csv")
    assert cards["notes"] == len({r["document"] for r in states}) == 5
    assert cards["mentions"] == len(mentions) == sum(int(r["mentions"]) for r in states)
    assert cards["recommendations addressed to it"] == sum(1 for r in recs if r["actor"] == "Peru") == 5
    assert cards["recommendations made"] == 0
    assert len(visible_rows(driver, "e-notes")) == 5 and len(visible_rows(driver, "e-addressed")) == 5
    driver.save_screenshot("/tmp/review-state.png")


def test_a_document_page_shows_its_text_and_jumps_to_a_finding(site):
    driver, entry, out = site
    driver.get((out / "review" / "state-DNK.html").as_uri())
    made = visible_rows(driver, "e-made")
    assert len(made) == 5
    link = made[3].find_element(By.CSS_SELECTOR, "a")                    # note-3's recommendation
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    link.click()
    assert "doc-4.html#r-" in driver.current_url
    target = driver.find_element(By.ID, driver.current_url.split("#")[1])
    assert target.is_displayed() and in_viewport(driver, target)
    assert target.text.endswith("share its experience.") and target.text.startswith("REC · recommended")
    assert "Denmark" in target.text and target.find_element(By.CSS_SELECTOR, "mark.ent-STATE").text.startswith("Denmark")
    assert "flash" in target.get_attribute("class")
    mark = driver.find_element(By.CSS_SELECTOR, "div.text mark.ent-STATE")
    label = mark.find_element(By.CSS_SELECTOR, ".ent-label")
    assert mark.text.startswith("Peru") and label.text == "STATE"
    colour = driver.execute_script("return getComputedStyle(arguments[0]).backgroundColor", mark)
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")
    driver.save_screenshot("/tmp/review-doc.png")
    driver.get((out / "review" / "doc-3.html").as_uri())               # folder/note-2.pdf: its warning
    assert driver.find_element(By.CSS_SELECTOR, ".flags .badge-warn").text == WARNING
    driver.get((out / "review" / "doc-6.html").as_uri())               # folder/copy.pdf: marked a duplicate
    assert driver.find_element(By.CSS_SELECTOR, "h2.doc-title").text == "folder/copy.pdf"
    dup = driver.find_element(By.CSS_SELECTOR, "p .badge-dup")
    assert dup.is_displayed() and "folder/note-0.pdf" in dup.find_element(By.XPATH, "..").text


def test_a_table_longer_than_a_part_fills_in_from_its_part_files(site, tmp_path):
    """The corpus-wide mentions of a big run come in parts (review/data/*.js): the page draws the
    first part at once, the count reaches every row, and a filter finds a row of the last part."""
    from pipeline.report.site.pages import PART_ROWS

    driver, _, _ = site
    out = tmp_path / "big"
    n = 2 * PART_ROWS + 17
    text = "Chile. " * n
    (out / "text").mkdir(parents=True)
    (out / "text" / "big.txt").write_text(text, encoding="utf-8")
    mentions = [{"document": "big.txt", "label": "STATE", "text": "Chile", "norm": "CHL", "page": "1",
                 "start": 7 * i, "end": 7 * i + 5, "sentence": "Chile.", "source": f"row-{i}"} for i in range(n)]
    write_run(out, {"documents": [{"document": "big.txt", "pages": "1", "status": "ok", "language": "en"}],
                    "mentions": mentions,
                    "states": [{"document": "big.txt", "iso3": "CHL", "name": "Chile", "mentions": n,
                                "first_page": 1, "role": "mentioned"}]}, {"big.txt": text})
    write_review(out)
    parts = sorted((out / "review" / "data").glob("t-mentions-*.js"))
    assert len(parts) == 2
    page = out / "review" / "mentions.html"
    assert page.stat().st_size < sum(p.stat().st_size for p in parts)
    driver.get(page.as_uri())
    count = driver.find_element(By.CSS_SELECTOR, "#mentions .count")
    WebDriverWait(driver, 20).until(lambda d: count.text == f"{n} of {n} rows")
    box = driver.find_element(By.CSS_SELECTOR, "#mentions input.filter-text")
    box.send_keys(f"row-{n - 1}")
    WebDriverWait(driver, 5).until(lambda d: count.text == f"1 of {n} rows")
    cells = visible_rows(driver, "mentions")[0].find_elements(By.TAG_NAME, "td")
    assert cells[-1].text == f"row-{n - 1}"
