"""review.html as a person sees it, in real headless Chromium (selenium).

Skips when /usr/bin/chromium or /usr/bin/chromedriver is missing (Debian
packages chromium and chromium-driver). Leaves a screenshot at /tmp/review.png.
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
from selenium.webdriver.support.ui import Select  # noqa: E402

from tests.conftest import RUN_COLUMNS as COLUMNS, write_run  # noqa: E402
FILLER = "The delegations explained their national systems of export control in some detail. " * 3


def build_run(out: Path) -> None:
    """Five documents (so texts start collapsed); in each, Peru early, an org, and Denmark
    far down the text so that jumping to it must scroll."""
    rows = {t: [] for t in COLUMNS}
    orgs = ["Caribbean Community", "Organization of American States", "International Atomic Energy Agency",
            "Central American Integration System", "African Union"]
    for k in range(5):
        doc = f"folder/note-{k}.pdf"
        head = f"Peru hosted the {orgs[k]} on 9 November 2010.\n\n"
        tail = "The Committee might invite Denmark to share its experience."
        text = head + "\n\n".join([FILLER] * 30) + "\n\n" + tail
        (out / "text" / "folder").mkdir(parents=True, exist_ok=True)
        (out / "text" / f"{doc}.txt").write_text(text, encoding="utf-8")
        rows["documents"].append({"document": doc, "pages": "3", "status": "ok", "title": f"Note {k}"})
        for label, s, norm in (("STATE", "Peru", "PER"), ("ORG", orgs[k], orgs[k]),
                               ("DATE", "9 November 2010", "2010-11-09/2010-11-09"), ("STATE", "Denmark", "DNK")):
            i = text.index(s)
            rows["mentions"].append({"document": doc, "label": label, "text": s, "norm": norm, "page": "1",
                                     "start": i, "end": i + len(s), "sentence": "", "source": "test"})
        rows["states"] += [{"document": doc, "iso3": "PER", "name": "Peru", "mentions": 1, "first_page": 1},
                           {"document": doc, "iso3": "DNK", "name": "Denmark", "mentions": 1, "first_page": 3}]
        rows["organizations"].append({"document": doc, "name": orgs[k], "mentions": 1, "first_page": 1})
        rows["dates"].append({"document": doc, "text": "9 November 2010", "start": "2010-11-09",
                              "end": "2010-11-09", "mentions": 1, "first_page": 1})
        rows["recommendations"].append({"document": doc, "text": tail, "cue": "might", "page": 3,
                                        "start": text.index(tail), "end": len(text)})
    write_run(out, rows)


@pytest.fixture(scope="module")
def page():
    from selenium.webdriver.chrome.service import Service

    work = Path(tempfile.mkdtemp(prefix="unnotes-review-"))
    build_run(work / "out")
    html = write_review(work / "out")
    opts = webdriver.ChromeOptions()
    opts.binary_location = str(CHROMIUM)
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run", f"--user-data-dir={work / 'profile'}", "--window-size=1400,1000"):
        opts.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=opts)
    try:
        driver.get(html.as_uri())
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(work, ignore_errors=True)


def in_viewport(driver, el) -> bool:
    return driver.execute_script(
        "var r = arguments[0].getBoundingClientRect();"
        "return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;", el)


def test_entity_marks_are_visible_with_their_labels(page):
    page.execute_script("document.querySelectorAll('details.doc-text').forEach(d => d.open = true)")
    mark = page.find_element(By.ID, "doc-1-m-0")
    page.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
    assert mark.is_displayed()
    assert mark.text.startswith("Peru")
    label = mark.find_element(By.CSS_SELECTOR, ".ent-label")
    assert label.is_displayed() and label.text == "STATE"
    colour = page.execute_script("return getComputedStyle(arguments[0]).backgroundColor", mark)
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")
    org = page.find_element(By.CSS_SELECTOR, "#doc-1 mark.ent-ORG")
    assert org.is_displayed() and org.find_element(By.CSS_SELECTOR, ".ent-label").text == "ORG"
    page.execute_script("document.querySelectorAll('details.doc-text').forEach(d => d.open = false)")


def test_typing_a_filter_hides_organizations_that_do_not_match(page):
    page.get(page.current_url.split("#")[0])
    section = page.find_element(By.ID, "table-organizations")

    def shown():
        return [r.find_elements(By.TAG_NAME, "td")[2].text
                for r in section.find_elements(By.CSS_SELECTOR, "tbody tr") if r.is_displayed()]

    assert len(shown()) == 5
    box = section.find_element(By.CSS_SELECTOR, "input.filter-text")
    page.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
    box.send_keys("caribbean")
    assert shown() == ["Caribbean Community"]
    assert section.find_element(By.CSS_SELECTOR, ".count").text == "1 of 5 rows"
    box.send_keys("\b" * len("caribbean"))
    assert len(shown()) == 5
    Select(section.find_element(By.CSS_SELECTOR, "select.filter-doc")).select_by_visible_text("folder/note-4.pdf")
    assert shown() == ["African Union"]


def test_clicking_a_row_link_scrolls_the_mark_into_view(page):
    page.get(page.current_url.split("#")[0])
    rows = page.find_elements(By.CSS_SELECTOR, "#table-states tbody tr")
    denmark = next(r for r in rows if "DNK" in r.text and "note-3" in r.text)
    link = denmark.find_element(By.CSS_SELECTOR, "a.jump")
    target_id = link.get_attribute("href").split("#")[1]
    target = page.find_element(By.ID, target_id)
    assert not target.is_displayed()   # the text starts collapsed
    page.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    link.click()
    assert target.is_displayed() and in_viewport(page, target)
    assert target.text.startswith("Denmark")
    assert "flash" in target.get_attribute("class")
    page.save_screenshot("/tmp/review.png")
