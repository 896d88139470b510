"""Topic discovery on corpora other than the seeds (bench/corpora, made up with paragraph-level truth).

Floors, not targets: they catch a change that makes discovery worse on stories the seeds do not tell.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.eval_topics import evaluate
from compare.align import align
from compare.clean import clean_corpus
from compare.ingest import read_corpus, read_topics
from compare.model import BuildOptions
from compare.segment import corpus_terms, segment_documents
from tests.conftest import ROOT

CORPORA = sorted((ROOT / "bench" / "corpora").glob("*/"))
# Corpora whose topics.toml was checked against their truth: the keyword lists of the nine written last
# are as their writers made them (配送 and 禾丰餐饮 also name the school-lunch incident), so they measure
# the lists, not the matching.
UNCHECKED_KEYWORDS = {
    "school_lunch",
    "battery_pollution",
    "housing_policy",
    "annual_results",
    "rocket_failure",
    "fraud_trial",
    "dairy_deal",
    "phone_launch",
    "football_transfer",
    "delivery_riders",
    "water_price",
    "airline_incident",
    "car_recall",
    "film_boxoffice",
    "heatwave_power",
    "plant_leak",
    "hk_ipo",
    "bank_breach",
    "cablecar",
    "exam_leak",
    "typhoon",
    "tax_case",
    "poultry_flu",
    "layoffs_ai",
    "concert_crush",
    "audit_fraud",
    "sg_fire",
    "match_riot",
}
CONFIGURED = [f for f in CORPORA if (f / "topics.toml").is_file() and f.name not in UNCHECKED_KEYWORDS]
# Mean best-match Jaccard each corpus must keep. The short made-up corpora tell each fact in one
# paragraph per source; rail_line, drug_recall, chip_startup and marathon were written blind as long
# articles in five house styles, with topics spread over many paragraphs and passing mentions, like
# real coverage; school_lunch as eight short pieces (wire briefs, two syndicated copies, a Weibo post, a
# TV transcript), battery_pollution in five formats (Q&A, live blog, press release, feature, HK paper),
# housing_policy (official notice, Q&A explainer, property portal, HK and TW papers, a blog) and
# annual_results (a results table, a press release, HK and TW papers, a sceptical blog, a wire flash);
# rocket_failure (wire, company statement, HK paper, TW Q&A, feature, enthusiast forum), fraud_trial
# (court bulletin, courtroom live blog, HK and TW papers, feature with Q&A, TV transcript) and
# dairy_deal (exchange filing, HK and TW papers, CEO interview, broker note, a farmer's post);
# phone_launch (press release, HK paper, TW tech site, wire, finance paper, hands-on review, a sceptical
# blog) and football_transfer (club announcement, sports daily, HK press-conference report, TW finance
# analysis, transfer insider's column, fans' forum); delivery_riders as seven saved web pages (a GBK
# portal repost of the wire, a WeChat page) and water_price (notice with a table, WeChat and Weibo posts,
# Q&A, a doubled TV transcript), both measured once before anything was tuned on them (0.54, 0.37);
# so were airline_incident (a bulletin and an e-paper page copied out of PDFs, two JSONL records, a
# Markdown post; 0.46, 0.59 once PDF text was rejoined) and car_recall (a recall notice, a livestream
# transcript, a forum thread, a broker note in Markdown with a table, a supplier's statement, a rival's
# advertorial; 0.40); and, in a ninth session, film_boxoffice (a Weibo statement, a review page whose
# paragraphs are <br> runs, a Big5 HK paper, a Markdown data report, a GBK trade page, a podcast
# transcript, a TW site with a BOM; 0.52), heatwave_power (a notice, a PDF-wrapped bulletin, a GB18030
# weekly, a Markdown blog, two JSONL Weibo posts; 0.43), plant_leak (a newest-first live blog, a press
# conference, a Big5 TV page, an NGO report with footnotes, a residents' chat export; 0.48) and hk_ipo
# (an allotment filing with full-width digits, a forum thread, a JSONL feed under other field names;
# 0.68 with the feed and most of the forum unread); and, in a tenth session, bank_breach (a UTF-16 press
# release, a LegCo reply, an e-mail newsletter saved as text, a WeChat page of styled sections; 0.50),
# cablecar (a JSONL flash feed, a GBK county page laid out in tables, a Q&A interview; 0.33), exam_leak
# (a police notice, a Q&A-site answer, a hard-wrapped print page, a press conference; 0.41) and typhoon
# (an oldest-first live page, a TW agency page with a table, Weibo API records, a translated wire; 0.62);
# then tax_case (a page with its article only in JSON-LD, a portal's folded second half, a Markdown post
# with front matter; 0.45), poultry_flu (mojibake, SRT subtitles, a sentence-per-<p> mobile page; 0.61),
# layoffs_ai (an .eml letter, PDF text wrapped at a count of characters, workplace-app posts; 0.47) and
# concert_crush (an OCR'd notice, Weibo API records with markup, a bilingual page; 0.69); then audit_fraud
# (an exchange notice with ◆ bullets, a Word-exported GBK page, a TV script; 0.54), sg_fire (Singapore and
# Malaysian Chinese, an interview with labels on their own lines; 0.65) and match_riot (a minute-by-minute
# live text, a fans' forum, Weibo API records under text_raw; 0.54).
FLOORS = {
    "city_flood": 0.7,
    "ev_price_war": 0.7,
    "rail_line": 0.4,
    "drug_recall": 0.28,
    "chip_startup": 0.65,
    "marathon": 0.5,
    "school_lunch": 0.55,
    "battery_pollution": 0.35,
    "housing_policy": 0.4,
    "annual_results": 0.45,
    "rocket_failure": 0.4,
    "fraud_trial": 0.45,
    "dairy_deal": 0.55,
    "phone_launch": 0.5,
    "football_transfer": 0.45,
    "delivery_riders": 0.45,
    "water_price": 0.3,
    "airline_incident": 0.5,
    "car_recall": 0.33,
    "film_boxoffice": 0.45,
    "heatwave_power": 0.38,
    "plant_leak": 0.38,
    "hk_ipo": 0.52,
    "bank_breach": 0.52,
    "cablecar": 0.43,
    "exam_leak": 0.35,
    "typhoon": 0.55,
    "tax_case": 0.48,
    "poultry_flu": 0.44,
    "layoffs_ai": 0.44,
    "concert_crush": 0.58,
    "audit_fraud": 0.47,
    "sg_fire": 0.58,
    "match_riot": 0.43,
}
pytestmark = pytest.mark.slow


@pytest.mark.parametrize("folder", CORPORA, ids=lambda f: f.name)
def test_discovery_recovers_most_of_the_shared_topics(folder: Path) -> None:
    matches, _, _ = evaluate(folder)
    assert sum(m.jaccard for m in matches) / len(matches) >= FLOORS[folder.name]
    # Every source a discovered best match names really covers that topic. Known exception: the Taiwan
    # feature's paragraph on the industry quotes the vice-mayor on supervision gaps, and brings the live
    # blog's entry with that quote into the industry topic; the buying club's closing thanks to the
    # selling club (naming both clubs and the player) joins the seller's finances and fans. Found on the
    # two corpora evaluated blind, left as they are: the press release's plan to reach every city by 2026
    # joins the rival's pledge to cover all its cities this year; the notice's hearing paragraph (its
    # consumer representatives) joins the complaints that the cost audit was not made public.
    known = {
        "battery_pollution": {"industry_context": {"zhaochuan_live"}},
        "football_transfer": {"seller_finances_fans": {"qinglan_haiying_official"}},
        "delivery_riders": {"rivals": {"chengqi_press"}},
        "water_price": {"transparency": {"fgw_notice"}},
        # Found on the session-10 blind corpora: the OCR'd notice's capacity paragraph is split mid-sentence
        # where the truth's prefix cannot find it; a worker's post on AI replacing customer service joins
        # the AI pivot; the studio's payment of back taxes within the deadline joins criminal liability.
        "concert_crush": {"attendance_capacity": {"police_notice"}},
        "layoffs_ai": {"ai_pivot": {"mm_48240318"}},
        "tax_case": {"legal_liability": {"fan_statement", "portal_page"}},
        # The seller's statement opens with condolences for the fire it names; the league's notice opens
        # with the 87th-minute pitch invasion that led to its penalties.
        # A reporter's question quoting the civil defence force's evacuation count joins its fire statistics.
        "sg_fire": {"fire_incident": {"seller_statement"}, "pmd_fire_stats": {"resident_interview"}},
        "match_riot": {"penalty_trigger": {"league_notice"}},
    }.get(folder.name, {})
    for m in matches:
        if m.best is not None and m.jaccard >= 0.5:
            assert set(m.best.sources) - set(m.wanted_sources) <= known.get(m.topic, set()), m.topic


@pytest.mark.parametrize("folder", CONFIGURED, ids=lambda f: f.name)
def test_configured_topics_hold_the_sources_of_the_truth(folder: Path) -> None:
    import json

    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))["topics"]
    docs = clean_corpus(read_corpus(folder).documents)
    passages = segment_documents(docs, terms=corpus_terms(docs))
    topics, _ = align(passages, read_topics(folder / "topics.toml"), [d.id for d in docs], BuildOptions(discover=False))
    found = {t.id: set(t.sources) for t in topics}
    wanted = {k: set(v) for k, v in truth.items()}
    assert found.keys() == wanted.keys()
    for topic, sources in wanted.items():
        assert sources <= found[topic], topic
        # Keywords cannot tell a passing paragraph from coverage: the marathon's investigative piece
        # quotes a doctor on heat and start times (气温超过32℃后…提前起跑), which its truth counts as the
        # outlet's own subject, and the topics.toml its writer made matches it to race day and weather.
        extra = {"marathon": {"weather_raceday": {"ruidu_investigation"}}}.get(folder.name, {}).get(topic, set())
        assert found[topic] - sources <= extra, topic
