#!/usr/bin/env python3
"""Writes src/Brobygge/Codes/*.csv, the closed lists the program embeds.

Sources: Debian's iso-codes package (ISO 639-3 and ISO 3166-1 with their Swedish translations), the
municipality and county lists in ../shared/data/se-geo, and hand-made corrections below where the
translation is missing or not the name Swedish public services use (checked against the JobTech
taxonomy's language.csv and country.csv). Run it again when iso-codes or se-geo change:
    python3 tools/codes/generate.py ../shared/data/se-geo
"""
import csv, gettext, json, sys, os

ISO = '/usr/share/iso-codes/json'
LOCALE = '/usr/share/locale/sv/LC_MESSAGES'
OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'src', 'Brobygge', 'Codes')

# ISO 639-3 languages without a 639-1 code that people in Swedish integration projects speak (migrants'
# languages, Sweden's national minority languages, Swedish sign language).
EXTRA_LANGUAGES = [
    'prs', 'ckb', 'kmr', 'sdh', 'lki', 'haz', 'azb', 'zza', 'aii', 'tru', 'cld', 'syc', 'arc',
    'tig', 'byn', 'sid', 'wal', 'din', 'nus', 'kab', 'tzm', 'ber', 'mey', 'taq', 'apd', 'ary', 'arz', 'apc', 'acm',
    'rhg', 'ksw', 'cnh', 'hmn', 'yue', 'cmn', 'hak', 'nan', 'ceb', 'ilo', 'pam', 'syl', 'ctg', 'bho', 'skr', 'bal',
    'lrc', 'glk', 'mzn', 'ady', 'kbd', 'inh', 'bem', 'kri', 'men', 'tem', 'sus', 'snk', 'mnk', 'dyu', 'fuc',
    'luo', 'kam', 'kln', 'suk', 'nyn', 'lug', 'bin', 'efi', 'tpi', 'pap', 'hat',
    'fit', 'fkv', 'sma', 'smj', 'sju', 'sme', 'rom', 'rmy', 'rmn', 'rmf', 'swl', 'yid', 'lad',
]

# Swedish names where iso-codes has none or not the usual one (the JobTech taxonomy's label where it has one).
SWEDISH_LANGUAGE = {
    'prs': 'Dari', 'ckb': 'Centralkurdiska (sorani)', 'kmr': 'Nordkurdiska (kurmanji)', 'sdh': 'Sydkurdiska',
    'lki': 'Laki', 'haz': 'Hazaragi', 'azb': 'Sydazerbajdzjanska', 'zza': 'Zazaiska', 'aii': 'Assyriska',
    'tru': 'Turoyo (syrianska)', 'cld': 'Kaldeiska', 'syc': 'Klassisk syriska', 'arc': 'Arameiska',
    'tig': 'Tigre', 'byn': 'Blin', 'sid': 'Sidamo', 'wal': 'Wolaytta', 'din': 'Dinka', 'nus': 'Nuer',
    'kab': 'Kabyliska', 'tzm': 'Centralatlas-tamazight', 'ber': 'Berberspråk', 'mey': 'Hassaniyya',
    'taq': 'Tamashek', 'apd': 'Sudanesisk arabiska', 'ary': 'Marockansk arabiska', 'arz': 'Egyptisk arabiska',
    'apc': 'Levantinsk arabiska', 'acm': 'Irakisk arabiska', 'rhg': 'Rohingya', 'ksw': 'Karen (sgaw)',
    'cnh': 'Hakha chin', 'hmn': 'Hmong', 'yue': 'Kantonesiska', 'cmn': 'Mandarin', 'hak': 'Hakka',
    'nan': 'Min nan', 'ceb': 'Cebuano', 'ilo': 'Iloko', 'pam': 'Pampanggo', 'syl': 'Sylheti',
    'ctg': 'Chittagong', 'bho': 'Bhojpuri', 'skr': 'Saraiki', 'bal': 'Baluchiska', 'lrc': 'Nordluri',
    'glk': 'Gilaki', 'mzn': 'Mazandarani', 'ady': 'Adygeiska', 'kbd': 'Kabardinska', 'inh': 'Ingusjiska',
    'bem': 'Bemba', 'kri': 'Krio', 'men': 'Mende', 'tem': 'Timne', 'sus': 'Susu', 'snk': 'Soninke',
    'mnk': 'Mandinka', 'dyu': 'Dyula', 'fuc': 'Pulaar', 'luo': 'Luo (Kenya och Tanzania)', 'kam': 'Kamba',
    'kln': 'Kalenjin', 'suk': 'Sukuma', 'nyn': 'Nyankole', 'lug': 'Luganda', 'bin': 'Bini', 'efi': 'Efik',
    'tpi': 'Tok Pisin', 'pap': 'Papiamento', 'hat': 'Haitisk kreol', 'fit': 'Meänkieli (tornedalsfinska)',
    'fkv': 'Kvänska', 'sma': 'Sydsamiska', 'smj': 'Lulesamiska', 'sju': 'Umesamiska', 'sme': 'Nordsamiska',
    'rom': 'Romani', 'rmy': 'Romani (vlax)', 'rmn': 'Romani (balkan)', 'rmf': 'Romani (kalo, finsk)',
    'swl': 'Svenskt teckenspråk', 'yid': 'Jiddisch', 'lad': 'Ladino',
    'so': 'Somaliska', 'ti': 'Tigrinja', 'am': 'Amhariska', 'ps': 'Pashto', 'fa': 'Persiska (farsi)',
    'ku': 'Kurdiska', 'om': 'Oromo', 'sw': 'Swahili', 'ur': 'Urdu', 'pa': 'Punjabi', 'zh': 'Kinesiska',
    'se': 'Nordsamiska', 'yi': 'Jiddisch', 'ff': 'Fulfulde', 'rw': 'Kinyarwanda', 'rn': 'Kirundi',
    'tl': 'Tagalog', 'ta': 'Tamil', 'si': 'Singalesiska', 'km': 'Khmer', 'lo': 'Lao', 'ln': 'Lingala',
    'ha': 'Hausa', 'yo': 'Yoruba', 'ig': 'Igbo', 'wo': 'Wolof', 'bm': 'Bambara', 'ak': 'Akan', 'ee': 'Ewe',
    'uz': 'Uzbekiska', 'tk': 'Turkmenska', 'tg': 'Tadzjikiska', 'ky': 'Kirgiziska', 'kk': 'Kazakiska',
    'ce': 'Tjetjenska', 'az': 'Azerbajdzjanska', 'hy': 'Armeniska', 'ka': 'Georgiska', 'bs': 'Bosniska',
    'sq': 'Albanska', 'mk': 'Makedonska', 'be': 'Belarusiska', 'ne': 'Nepalesiska', 'my': 'Burmesiska',
    'mn': 'Mongoliska', 'ug': 'Uiguriska', 'dv': 'Divehi', 'sn': 'Shona', 'zu': 'Zulu', 'xh': 'Xhosa',
    'mg': 'Malagassiska', 'ms': 'Malajiska', 'fy': 'Frisiska', 'gd': 'Skotsk gäliska',
    'bn': 'Bengaliska', 'el': 'Grekiska', 'lb': 'Luxemburgiska', 'cy': 'Walesiska', 'oc': 'Occitanska',
    'rm': 'Retoromanska', 'jv': 'Javanesiska', 'fj': 'Fijianska', 'ks': 'Kashmiri', 'ia': 'Interlingua',
    'kg': 'Kikongo', 'lg': 'Luganda', 'ki': 'Kikuyu', 'st': 'Sesotho', 'ss': 'Swati', 'sc': 'Sardiska',
}

# Other names people type, among them the JobTech taxonomy's labels where they differ from ours.
LANGUAGE_ALIASES = {
    'be': ['Vitryska'], 'ky': ['Kirgisiska'], 'tg': ['Tadjikiska'], 'ta': ['Tamilska'], 'ti': ['Tigrinska'],
    'si': ['Sinhala'], 'pa': ['Panjabi', 'Punjabi/Panjabo'], 'mn': ['Mongolska'], 'fa': ['Persiska', 'Farsi'],
    'tru': ['Syrianska', 'Suryoyo'], 'ckb': ['Sorani', 'Sorani kurdiska'], 'kmr': ['Kurmanji', 'Kurmanji kurdiska'],
    'gd': ['Gaeliska (Skotsk)'], 'fj': ['Fidjianska'], 'ks': ['Kasmiriska'], 'xh': ['Isixhosa'],
    'swl': ['Teckenspråk'], 'fit': ['Meänkieli', 'Tornedalsfinska'], 'el': ['Nygrekiska'],
    'sq': ['Albanian'], 'yue': ['Cantonese'], 'cmn': ['Mandarin Chinese'],
}
COUNTRY_ALIASES = {
    'GB': ['Storbritannien och Nordirland', 'England', 'UK', 'Great Britain'], 'US': ['Förenta staterna', 'Amerikas förenta stater', 'Förenta staterna (Amerikas förenta stater)'],
    'RU': ['Ryska federationen', 'Ryssland/Ryska Federationen'], 'BY': ['Vitryssland'], 'MK': ['Makedonien', 'North Macedonia'], 'SZ': ['Swaziland'],
    'MM': ['Burma', 'Myanmar (Burma)'], 'CD': ['Kongo, demokratiska republiken', 'DR Kongo'], 'CG': ['Kongo, republiken', 'Kongo'],
    'BN': ['Brunei Darussalam'], 'FJ': ['Fijiöarna'], 'VA': ['Heliga stolen', 'Heliga stolen (Vatikanstaten)'], 'TL': ['Timor-Leste'],
    'UM': ['Amerikanska, mindre uteliggande öar'], 'IO': ['Brittiska Indiska Oceanöarna'],
    'VI': ['Jungfruöarna, Förenta Staternas'], 'MX': ['Mexiko/Mexikos förenta stater', 'Mexikos förenta stater'],
    'FM': ['Mikronesiska federationen'], 'NF': ['Norfolkön'], 'MP': ['Norra Marianaöarna'], 'RE': ['Reunion'],
    'SH': ['Saint Helena'], 'AX': ['Åland (tillhör Finland)'],
    'CZ': ['Czech Republic'], 'TR': ['Türkiye', 'Turkey'], 'PS': ['Palestinian territories'],
}

SWEDISH_COUNTRY = {
    'GB': 'Storbritannien', 'US': 'USA', 'RU': 'Ryssland', 'CD': 'Kongo-Kinshasa', 'CG': 'Kongo-Brazzaville',
    'KP': 'Nordkorea', 'KR': 'Sydkorea', 'SY': 'Syrien', 'IR': 'Iran', 'PS': 'Palestina', 'VA': 'Vatikanstaten',
    'MK': 'Nordmakedonien', 'SZ': 'Eswatini', 'CZ': 'Tjeckien', 'MD': 'Moldavien', 'TZ': 'Tanzania',
    'BO': 'Bolivia', 'VE': 'Venezuela', 'LA': 'Laos', 'VN': 'Vietnam', 'FM': 'Mikronesien', 'TW': 'Taiwan',
    'BY': 'Belarus', 'CI': 'Elfenbenskusten', 'CV': 'Kap Verde', 'TL': 'Östtimor', 'MM': 'Myanmar',
    'BN': 'Brunei', 'AX': 'Åland', 'BO': 'Bolivia', 'IR': 'Iran', 'LA': 'Laos', 'TZ': 'Tanzania', 'VE': 'Venezuela',
    'YE': 'Jemen', 'KN': 'Saint Kitts och Nevis', 'LC': 'Saint Lucia', 'VC': 'Saint Vincent och Grenadinerna',
    'PM': 'Saint Pierre och Miquelon', 'SH': 'Sankt Helena', 'FK': 'Falklandsöarna', 'VI': 'Amerikanska Jungfruöarna',
    'VG': 'Brittiska Jungfruöarna', 'BA': 'Bosnien och Hercegovina', 'FJ': 'Fiji', 'BL': 'Saint-Barthélemy',
}
ENGLISH_COUNTRY = {
    'GB': 'United Kingdom', 'US': 'United States', 'RU': 'Russia', 'CD': 'Congo (Democratic Republic)',
    'KP': 'North Korea', 'KR': 'South Korea', 'SY': 'Syria', 'IR': 'Iran', 'PS': 'Palestine', 'VA': 'Vatican City',
    'BO': 'Bolivia', 'VE': 'Venezuela', 'LA': 'Laos', 'VN': 'Vietnam', 'TZ': 'Tanzania', 'MD': 'Moldova',
    'FM': 'Micronesia', 'TW': 'Taiwan', 'BN': 'Brunei', 'CZ': 'Czechia',
}

def translations(domain):
    with open(os.path.join(LOCALE, domain + '.mo'), 'rb') as f:
        return gettext.GNUTranslations(f)

def languages():
    entries = json.load(open(os.path.join(ISO, 'iso_639-3.json')))['639-3']
    macro = {e['alpha_3']: e for e in json.load(open(os.path.join(ISO, 'iso_639-2.json')))['639-2']}
    sv = translations('iso_639-3')
    rows = {}
    for e in entries:
        if 'alpha_2' in e:
            rows[e['alpha_2']] = e['name']
    for code in EXTRA_LANGUAGES:
        e = next((x for x in entries if x['alpha_3'] == code), None) or macro.get(code)
        if e is None:
            raise SystemExit(f'unknown ISO 639-3 code {code}')
        if 'alpha_2' in e:
            continue  # a 639-1 code exists: that one is the code
        rows[code] = e['name']
    out = []
    for code, english in sorted(rows.items()):
        iso_swedish = [n.strip() for n in sv.gettext(english).split(';')]
        swedish = SWEDISH_LANGUAGE.get(code) or iso_swedish[0]
        swedish = swedish[0].upper() + swedish[1:]
        names = [n.strip() for n in english.split(';')]
        english = names[0]
        aliases = [a for a in names[1:] + iso_swedish + LANGUAGE_ALIASES.get(code, []) if a.lower() not in (swedish.lower(), english.lower())]
        out.append((code, swedish, english, '|'.join(dict.fromkeys(aliases))))
    return out

def countries():
    entries = json.load(open(os.path.join(ISO, 'iso_3166-1.json')))['3166-1']
    sv = translations('iso_3166-1')
    out = []
    for e in entries:
        code = e['alpha_2']
        english = ENGLISH_COUNTRY.get(code) or e.get('common_name') or e['name']
        swedish = SWEDISH_COUNTRY.get(code) or sv.gettext(e.get('common_name') or e['name'])
        if code not in SWEDISH_COUNTRY and swedish == (e.get('common_name') or e['name']) and e.get('common_name'):
            swedish = sv.gettext(e['name'])
        official = [e['name'], e.get('official_name', ''), sv.gettext(e['name']), sv.gettext(e.get('official_name', '')) if e.get('official_name') else '']
        aliases = [a for a in official + COUNTRY_ALIASES.get(code, []) if a and a.lower() not in (swedish.lower(), english.lower())]
        out.append((code, swedish, english, '|'.join(dict.fromkeys(aliases))))
    # Kosovo has no ISO 3166-1 code; XK is the user-assigned code the EU and Sweden's agencies use.
    out.append(('XK', 'Kosovo', 'Kosovo', ''))
    return sorted(out)

def write(name, header, rows):
    with open(os.path.join(OUT, name), 'w', newline='', encoding='utf-8') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(header)
        w.writerows(rows)

def municipalities(geo):
    with open(os.path.join(geo, 'municipality_county.csv'), encoding='utf-8') as f:
        rows = [(r['municipality_code'], r['municipality_name_short'], r['county_code']) for r in csv.DictReader(f)]
    with open(os.path.join(geo, 'counties.csv'), encoding='utf-8') as f:
        counties = [(r['county_code'], r['county_name'], r['county_name_short']) for r in csv.DictReader(f)]
    return sorted(rows), sorted(counties)

if __name__ == '__main__':
    geo = sys.argv[1] if len(sys.argv) > 1 else '../shared/data/se-geo'
    write('languages.csv', ['code', 'sv', 'en', 'aliases'], languages())
    write('countries.csv', ['code', 'sv', 'en', 'aliases'], countries())
    m, c = municipalities(geo)
    write('municipalities.csv', ['code', 'name', 'county'], m)
    write('counties.csv', ['code', 'name', 'short'], c)
