"""Deterministic generator of a synthetic benchmark corpus for detente.

    python bench/corpus.py --articles 2000 --words 600 --out bench/corpus/articles.jsonl

Writes N articles of about W words each, as JSON Lines in the format of
samples/articles.jsonl ({"id", "title", "date", "url", "text"}). Every sentence comes
from the template pool in bench/templates.txt: [event] templates carry a political action
between actors, [background] templates carry nothing to code. The slots in the templates:

    {A} {A_adj} {A_cap}, {B} ..., {C} ...   country name, adjective, capital
    {igo} {role} {role2} {name} {name2}     organisation, official's title, invented name
    {when} {month} {weekday} {year}         time expressions ({year} is historical)
    {issue} {topic} {accusation} {commodity} {sector} {company} {team} {team2} {score}
    {num} {big} {bn} {pct} {pct2} {price}   numbers

All randomness comes from one random.Random(seed), so a given set of arguments always
gives the same file, byte for byte. Plain standard library only.
"""

import argparse
import datetime
import json
import os
import random
import re

HERE = os.path.dirname(os.path.abspath(__file__))
EVENT_SHARE = 0.55  # share of sentences drawn from the [event] templates

COUNTRIES = [  # (name, adjective, capital)
    ("China", "Chinese", "Beijing"), ("the Philippines", "Philippine", "Manila"),
    ("Russia", "Russian", "Moscow"), ("Ukraine", "Ukrainian", "Kyiv"),
    ("the United States", "U.S.", "Washington"), ("Israel", "Israeli", "Jerusalem"),
    ("Iran", "Iranian", "Tehran"), ("India", "Indian", "New Delhi"),
    ("Pakistan", "Pakistani", "Islamabad"), ("Ethiopia", "Ethiopian", "Addis Ababa"),
    ("Somalia", "Somali", "Mogadishu"), ("Turkey", "Turkish", "Ankara"),
    ("South Korea", "South Korean", "Seoul"), ("North Korea", "North Korean", "Pyongyang"),
    ("Venezuela", "Venezuelan", "Caracas"), ("Colombia", "Colombian", "Bogota"),
    ("Japan", "Japanese", "Tokyo"), ("Germany", "German", "Berlin"),
    ("France", "French", "Paris"), ("Britain", "British", "London"),
    ("Brazil", "Brazilian", "Brasilia"), ("Argentina", "Argentine", "Buenos Aires"),
    ("Mexico", "Mexican", "Mexico City"), ("Egypt", "Egyptian", "Cairo"),
    ("Sudan", "Sudanese", "Khartoum"), ("Kenya", "Kenyan", "Nairobi"),
    ("Nigeria", "Nigerian", "Abuja"), ("South Africa", "South African", "Pretoria"),
    ("Saudi Arabia", "Saudi", "Riyadh"), ("Qatar", "Qatari", "Doha"),
    ("Iraq", "Iraqi", "Baghdad"), ("Syria", "Syrian", "Damascus"),
    ("Vietnam", "Vietnamese", "Hanoi"), ("Indonesia", "Indonesian", "Jakarta"),
    ("Malaysia", "Malaysian", "Kuala Lumpur"), ("Thailand", "Thai", "Bangkok"),
    ("Australia", "Australian", "Canberra"), ("Poland", "Polish", "Warsaw"),
    ("Greece", "Greek", "Athens"), ("Serbia", "Serbian", "Belgrade"),
    ("Armenia", "Armenian", "Yerevan"), ("Azerbaijan", "Azerbaijani", "Baku"),
    ("Morocco", "Moroccan", "Rabat"), ("Algeria", "Algerian", "Algiers"),
    ("Bangladesh", "Bangladeshi", "Dhaka"), ("Afghanistan", "Afghan", "Kabul"),
]
IGOS = ["the United Nations", "the UN Security Council", "the European Union", "ASEAN",
        "the African Union", "the International Atomic Energy Agency", "the World Bank",
        "the International Monetary Fund", "the Arab League", "the OSCE",
        "the World Trade Organization", "the Organization of American States"]
ROLES = ["Foreign Minister", "Defence Minister", "President", "Prime Minister", "Trade Minister",
         "Interior Minister", "Deputy Foreign Minister", "National Security Adviser",
         "Finance Minister", "Energy Minister", "Vice President", "army chief"]
FIRST = ["Lena", "Omar", "Tomas", "Mei", "Arjun", "Sofia", "Kwame", "Yusuf", "Elena", "Rafael",
         "Ingrid", "Hamid", "Nadia", "Pavel", "Amara", "Jonas", "Leila", "Diego", "Hana", "Viktor",
         "Farid", "Irene", "Kenji", "Zainab", "Marco", "Olga", "Samuel", "Aiko", "Tariq", "Beatriz"]
LAST = ["Varga", "Haddad", "Novak", "Lindqvist", "Okafor", "Serrano", "Demir", "Kowalski",
        "Mensah", "Rahimi", "Castell", "Ivanescu", "Tanaka", "Moreau", "Petrov", "Adeyemi",
        "Karimov", "Halvorsen", "Quintero", "Suleiman", "Brandt", "Oyelaran", "Nakamura",
        "Szabo", "Ferreira", "Bakr", "Dumont", "Ortega", "Holm", "Achebe"]
ISSUES = ["the demarcation of the border", "fishing rights", "trade tariffs", "migration",
          "the detention of two journalists", "energy supplies", "the nuclear programme",
          "water sharing", "arms sales", "maritime security", "the sovereignty of two islands",
          "cross-border smuggling", "the treatment of minorities", "airspace violations"]
TOPICS = ["trade", "energy", "border security", "visa-free travel", "climate finance",
          "nuclear safety", "farm exports", "counterterrorism", "disaster relief",
          "customs procedures", "fisheries", "student exchanges", "public health"]
ACCUSATIONS = ["meddling in its internal affairs", "violating its airspace",
               "arming rebel groups", "spreading disinformation", "harassing its fishermen",
               "blocking humanitarian aid", "stealing trade secrets", "cyber attacks on its banks"]
COMMODITIES = ["steel", "wheat", "rice", "solar panels", "electric vehicles", "coffee",
               "copper", "palm oil", "natural gas", "textiles", "semiconductors", "beef"]
SECTORS = ["technology", "energy", "mining", "telecoms", "retail", "property", "shipping"]
COMPANIES = ["Harbourline Logistics", "Norvale Mining", "Kestrel Telecom", "Bluefin Foods",
             "Orison Energy", "Tallgrass Motors", "Meridian Steelworks", "Lumen Pharma"]
TEAMS = ["Riverside United", "Atletico Ribeira", "Northgate Rovers", "Sporting Alameda",
         "Red Star Valley", "Dynamo Kestrel", "Harbour City", "Union Serrana"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WHEN = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday",
        "on Sunday", "last week", "earlier this month", "late on Tuesday", "this week"]


def load_templates(path):
    """Read templates.txt into {"event": [...], "background": [...], "title": [...]}."""
    pools, section = {}, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("[") and line.endswith("]"):
                section = line[1:-1]
                pools[section] = []
            else:
                pools[section].append(line)
    return pools


def slots(rng, dyad, p_dyad=0.7):
    """One random filling of every slot; A and B are the article's dyad most of the time."""
    if rng.random() < p_dyad:
        a, b = dyad if rng.random() < 0.6 else dyad[::-1]
    else:
        a, b = rng.sample(COUNTRIES, 2)
    c = rng.choice([x for x in COUNTRIES if x not in (a, b)])
    role, role2 = rng.sample(ROLES, 2)
    team, team2 = rng.sample(TEAMS, 2)
    s = {"role": role, "role2": role2, "team": team, "team2": team2,
         "name": rng.choice(FIRST) + " " + rng.choice(LAST),
         "name2": rng.choice(FIRST) + " " + rng.choice(LAST),
         "igo": rng.choice(IGOS), "when": rng.choice(WHEN), "issue": rng.choice(ISSUES),
         "topic": rng.choice(TOPICS), "accusation": rng.choice(ACCUSATIONS),
         "commodity": rng.choice(COMMODITIES), "sector": rng.choice(SECTORS),
         "company": rng.choice(COMPANIES), "month": rng.choice(MONTHS),
         "weekday": rng.choice(WEEKDAYS), "year": rng.randint(1950, 2022),
         "num": rng.randint(2, 60), "big": f"{rng.randint(1, 95) * 100:,}",
         "bn": rng.randint(2, 90), "pct": "%.1f" % rng.uniform(0.1, 9.9),
         "pct2": rng.randint(35, 85), "price": "%.2f" % rng.uniform(55, 95),
         "score": "%d-%d" % (rng.randint(1, 4), rng.randint(0, 1))}
    for key, (name, adj, cap) in (("A", a), ("B", b), ("C", c)):
        s[key], s[key + "_adj"], s[key + "_cap"] = name, adj, cap
    return s


def fill(template, values):
    text = template.format_map(values)
    text = re.sub(r"\b([Aa]) (?=[AEIO])", r"\1n ", text)  # a Iranian -> an Iranian
    text = re.sub(r"(?<=s)'s\b", "'", text)  # the United States's -> the United States'
    return text[0].upper() + text[1:]


def make_article(rng, pools, index, words):
    dyad = tuple(rng.sample(COUNTRIES, 2))
    day = datetime.date(2025, 1, 1) + datetime.timedelta(days=rng.randrange(699))
    aid = "bench-%05d" % index
    title = fill(rng.choice(pools["title"]), slots(rng, dyad))
    dateline = "%s, %s %d (Detente Wire) - " % (dyad[0][2].upper(), MONTHS[day.month - 1], day.day)
    sentences, count, unused = [], 0, {}
    while count < words:
        # the lede is always an event between the dyad; later sentences mix events and
        # background, and no template repeats within an article until its pool runs out
        pool = "event" if not sentences or rng.random() < EVENT_SHARE else "background"
        if not unused.get(pool):
            unused[pool] = rng.sample(pools[pool], len(pools[pool]))
        values = slots(rng, dyad, 1.0 if not sentences else 0.7)
        sentence = fill(unused[pool].pop(), values)
        sentences.append(sentence)
        count += len(sentence.split())
    article = {"id": aid, "title": title, "date": day.isoformat(),
               "url": "https://example.org/bench/" + aid, "text": dateline + " ".join(sentences)}
    return article, len(sentences), len(article["text"].split())


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000, help="number of articles (2000)")
    ap.add_argument("--words", type=int, default=600, help="about this many words each (600)")
    ap.add_argument("--out", default=os.path.join("bench", "corpus", "articles.jsonl"))
    ap.add_argument("--seed", type=int, default=1, help="random seed (1)")
    ap.add_argument("--templates", default=os.path.join(HERE, "templates.txt"))
    args = ap.parse_args(argv)

    pools = load_templates(args.templates)
    rng = random.Random(args.seed)
    if os.path.dirname(args.out):
        os.makedirs(os.path.dirname(args.out), exist_ok=True)
    n_sent = n_words = 0
    with open(args.out, "w", encoding="utf-8", newline="\n") as out:
        for i in range(1, args.articles + 1):
            article, sents, nwords = make_article(rng, pools, i, args.words)
            out.write(json.dumps(article, ensure_ascii=False) + "\n")
            n_sent += sents
            n_words += nwords
    print("wrote %d articles, %d sentences, %d words to %s"
          % (args.articles, n_sent, n_words, args.out))


if __name__ == "__main__":
    main()
