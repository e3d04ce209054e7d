#!/usr/bin/env python3
"""Makes builtin-taxonomy.csv, the small JobTech taxonomy set embedded in Brobygge so a fresh install
works offline, from the full taxonomy files (../shared/data/jobtech-taxonomy by default).

The set: about 150 occupation names common among the participants of labour-market integration projects
(from jobs that need no education to the professions of highly educated newcomers), their SSYK 2012 groups
(levels 4 to 1), the 150 skills most often related to those SSYK-4 groups, and every language.

    python3 src/Brobygge/Taxonomy/make-builtin-taxonomy.py [TAXONOMY_FOLDER]
"""
import collections
import csv
import os
import sys

OCCUPATIONS = """
Undersköterska, hemtjänst, äldreboende och habilitering
Undersköterska, vård- och specialavdelning och mottagning
Vårdbiträde
Hemtjänstassistent
Sjukvårdsbiträde
Personlig assistent
Skötare
Vårdare/Arbetshandledare/Boendestödjare
Behandlingsassistent/Socialpedagog
Barnskötare
Elevassistent
Lärarassistent
Pedagogassistent
Lärare i förskola/Förskollärare
Lärare i fritidshem/Fritidspedagog
Lärare i grundskolan, årskurs 1-3
Lärare i grundskolan, årskurs 4-6
Lärare i grundskolan, årskurs 7-9
Lärare i gymnasieskolan
Modersmålslärare i grundskolan
Speciallärare
Studie- och yrkesvägledare
Fritidsledare
Sjuksköterska, grundutbildad
Sjuksköterska, geriatrik/Sjuksköterska, äldreomsorg och äldrevård
Barnmorska
Läkare
Tandläkare
Tandsköterska
Apotekare, farmaceut
Receptarie, farmaceut
Apotekstekniker
Biomedicinsk analytiker/BMA
Fysioterapeut/Sjukgymnast
Arbetsterapeut
Psykolog
Socionom
Socialsekreterare
Kurator
Tolk
Översättare
Städare/Lokalvårdare
Kontorsstädare
Sjukhusstädare
Hotellstädare
Hemstädare/Hemhjälp
Fönsterputsare
Byggstädare
Industristädare
Kock, à la carte
Kock, storhushåll
Kallskänka
Köksbiträde
Restaurangbiträde
Måltidsbiträde
Diskare
Pizzabagare
Servitör/Servitris
Bagare/Konditor
Konditoribiträde
Cateringarbetare
Butikssäljare, dagligvaror/Medarbetare, dagligvaror
Butikssäljare, fackhandel
Kassapersonal
Kundtjänstmedarbetare
Receptionist, telefonist
Hotellreceptionist
Telefonförsäljare
Lagerarbetare
Terminalarbetare
Truckförare
Packare
Distributionsförare
Budbilsförare
Paketbilsförare
Bussförare/Busschaufför
Taxiförare/Taxichaufför
Lokförare/Förare av tåg
Spårvagnsförare
Brevbärare
Tidningsbud/Tidningsdistributör
Flyttkarl/Stadsbud
Träarbetare/Snickare
Träarbetare, utan yrkesbevis/Snickare, utan yrkesbevis
Installationselektriker
Serviceelektriker, installation
Industrielektriker
Målare
Murare
Plattsättare
Golvläggare
Betongarbetare
Ställningsbyggare
VVS-montör
Kylmontör/Kyltekniker
Tunnplåtslagare
Byggnadsplåtslagare
Grovarbetare, bygg och anläggning
Underhållsarbetare, bygg och anläggning
Bygg- och anläggningsförare
Svetsare, manuell
CNC-operatör/FMS-operatör
Montör, metallprodukter
Montör, el- och teleutrustning
Maskinoperatör, mekanisk verkstad
Maskinoperatör, bageri
Maskinoperatör, kött
Processoperatör, kemisk industri
Industrisömmerska
Skräddare
Slaktare
Styckare
Fordonstekniker/Bilmekaniker/Personbilsmekaniker
Lastbilsmekaniker
Däckmontör/Däck- och hjulmekaniker
Bilvårdare/Garagearbetare
Fastighetsskötare/Fastighetsarbetare
Väktare
Ordningsvakt
Miljöarbetare/Renhållningsarbetare
Trädgårdsarbetare/Plantskolearbetare, trädgård
Skogsarbetare, plantering
Djurskötare, djuruppfödning
Bärplockare
Frisör
Hudterapeut
Nagelterapeut/Nagelteknolog
Massör/Massageterapeut
Administratör/Administrativ assistent
Ekonomiassistent
Löneadminstratör/Lönekonsult
Redovisningsekonom
Revisor
Controller
Ekonomikonsult
Inköpare
Speditör
Logistiker
Handläggare, offentlig förvaltning/Utredare, offentlig förvaltning
Systemutvecklare/Programmerare
Mjukvaruutvecklare
IT-tekniker/Datatekniker
Nätverkstekniker
Systemadministratör
Civilingenjör, bygg
Civilingenjör, maskin
Byggnadsingenjör
Elingenjör
Utvecklingsingenjör, el-tele
Arkitekt
Journalist/Reporter
Grafisk formgivare
Bibliotekarie
"""

SKILLS = 150


def read(folder, name):
    with open(os.path.join(folder, name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    folder = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "..", "..", "shared", "data", "jobtech-taxonomy")
    occupations = {r["preferred_label"]: r for r in read(folder, "occupation-name.csv")}
    wanted = [line.strip() for line in OCCUPATIONS.strip().splitlines()]
    missing = [label for label in wanted if label not in occupations]
    if missing:
        sys.exit("Not in occupation-name.csv: " + "; ".join(missing))
    chosen = [occupations[label] for label in wanted]

    ssyk = {}
    for level in range(1, 5):
        for r in read(folder, f"ssyk-level-{level}.csv"):
            ssyk[r["concept_id"]] = r
    groups = []
    for group in dict.fromkeys(r["ssyk_level_4_concept_id"] for r in chosen if r["ssyk_level_4_concept_id"]):
        while group and group not in groups:
            groups.append(group)
            group = ssyk[group]["broader_concept_id"]
    level4 = {g for g in groups if ssyk[g]["type"] == "ssyk-level-4"}

    # A skill scores for each chosen occupation whose SSYK-4 group it is related to, by 1 / the group's number
    # of related skills: skills typical of the common jobs come first, not the long tool lists of a few groups.
    links = [r for r in read(folder, "rel_skill_ssyk-level-4.csv") if r["ssyk_level_4_concept_id"] in level4]
    per_group = collections.Counter(r["ssyk_level_4_concept_id"] for r in links)
    occupations_in = collections.Counter(r["ssyk_level_4_concept_id"] for r in chosen)
    score = collections.Counter()
    for r in links:
        score[r["skill_concept_id"]] += occupations_in[r["ssyk_level_4_concept_id"]] / per_group[r["ssyk_level_4_concept_id"]]
    skills = {r["concept_id"]: r for r in read(folder, "skill.csv")}
    top = sorted(score, key=lambda s: (-score[s], skills[s]["preferred_label"]))[:SKILLS]

    rows = [(g, ssyk[g]["preferred_label"], ssyk[g]["type"], ssyk[g]["ssyk_code_2012"], ssyk[g]["broader_concept_id"]) for g in sorted(groups, key=lambda g: (ssyk[g]["type"], ssyk[g]["ssyk_code_2012"]))]
    rows += [(r["concept_id"], r["preferred_label"], "occupation-name", r["ssyk_code_2012"], r["ssyk_level_4_concept_id"]) for r in sorted(chosen, key=lambda r: r["preferred_label"])]
    rows += [(s, skills[s]["preferred_label"], "skill", "", "") for s in sorted(top, key=lambda s: skills[s]["preferred_label"])]
    rows += [(r["concept_id"], r["preferred_label"], "language", "", "") for r in read(folder, "language.csv")]

    with open(os.path.join(here, "builtin-taxonomy.csv"), "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["concept_id", "preferred_label", "type", "ssyk_code_2012", "broader_concept_id"])
        writer.writerows(rows)
    print(collections.Counter(r[2] for r in rows))


main()
