"""Checks an E-ARK SIP (a zip) the way the E-ARK project's validator does, offline.

Run with the folder npm install put eark-validator 1.1.3 and lxml in on PYTHONPATH. Its command
line fetches the controlled vocabularies from the web when it starts, which our machines cannot
reach; the same vocabularies ship inside the package, so this script reads them from there and
applies, as the validator does: the structure requirements (CSIPSTR, MUST and SHOULD), the METS
schema with the CSIP and SIP extensions, and every Schematron rule file of CSIP and SIP 2.1.0.
It also checks what the validator's manifest checks: every file the METS names is there with
its size and SHA-256, and every file of the package is named by a METS.

Prints one JSON object: {"problems": [...], "files": n, "warnings": [...], "failingAsShipped":
[rule ids]} (the rules that fail when run exactly as shipped; see CORRECTED_TESTS); exits 1
when there is any problem.
"""
import hashlib
import json
import os
import sys
import tempfile
import zipfile
from pathlib import Path

import eark_validator
from lxml import etree
from lxml.isoschematron import Schematron

RESOURCES = Path(eark_validator.__file__).parent / 'ipxml' / 'resources'
VERSION = 'V2.1.0'
NS = {
    'mets': 'http://www.loc.gov/METS/',
    'xlink': 'http://www.w3.org/1999/xlink',
    'csip': 'https://DILCIS.eu/XML/METS/CSIPExtensionMETS',
}
SVRL = '{http://purl.oclc.org/dsdl/svrl}'
XLINK_HREF = '{http://www.w3.org/1999/xlink}href'
# The placeholders in the rule files, and the vocabulary each stands for (as in eark_validator.ipxml.schematron).
VOCABULARIES = {
    '@TYPE': 'CSIPVocabularyContentCategory.xml',
    '@csip:CONTENTINFORMATIONTYPE': 'CSIPVocabularyContentInformationType.xml',
    '@csip:OAISPACKAGETYPE': 'CSIPVocabularyOAISPackageType.xml',
    '@STATUS': 'CSIPVocabularyStatus.xml',
}


def vocabulary_test(attribute, file_name):
    # The validator's own reading of a vocabulary: the text of every line holding a Term.
    terms = []
    for line in (RESOURCES / 'vocabs' / file_name).read_text(encoding='utf-8').splitlines():
        if 'Term' not in line:
            continue
        start = line.find('>') + 1
        terms.append(line[start:line.find('<', start)])
    return ' or '.join(f"({attribute} = '{term}')" for term in terms)


def placeholder_tests():
    tests = {f'{attribute}_vocabulary_test': vocabulary_test(attribute, name) for attribute, name in VOCABULARIES.items()}
    mime_types = (RESOURCES / 'vocabs' / 'IANA.txt').read_text(encoding='utf-8').split('\n')
    tests['@MIMETYPE_IANA_test'] = ' or '.join(f"(@MIMETYPE = '{mime}')" for mime in mime_types if mime)
    return tests


def structure_problems(root):
    """The CSIPSTR requirements the validator checks, MUST and SHOULD alike."""
    problems = []
    def need(condition, rule, what):
        if not condition:
            problems.append({'rule': rule, 'message': what})
    need((root / 'METS.xml').is_file(), 'CSIPSTR4', 'no METS.xml in the root folder')
    need((root / 'metadata').is_dir(), 'CSIPSTR5', 'no metadata folder')
    need((root / 'metadata' / 'preservation').is_dir(), 'CSIPSTR6', 'no metadata/preservation folder')
    need((root / 'metadata' / 'descriptive').is_dir(), 'CSIPSTR7', 'no metadata/descriptive folder')
    need((root / 'representations').is_dir(), 'CSIPSTR9', 'no representations folder')
    representations = sorted(p for p in (root / 'representations').iterdir() if p.is_dir()) if (root / 'representations').is_dir() else []
    need(len(representations) > 0, 'CSIPSTR10', 'no representation')
    for representation in representations:
        need((representation / 'data').is_dir(), 'CSIPSTR11', f'{representation.name}: no data folder')
        need((representation / 'METS.xml').is_file(), 'CSIPSTR12', f'{representation.name}: no METS.xml')
        need((representation / 'metadata').is_dir(), 'CSIPSTR13', f'{representation.name}: no metadata folder')
    need((root / 'schemas').is_dir(), 'CSIPSTR15', 'no schemas folder')
    need((root / 'documentation').is_dir(), 'CSIPSTR16', 'no documentation folder')
    return problems


def schema_problems(mets_path):
    schema = etree.XMLSchema(file=str(RESOURCES / 'schema' / 'mets.csip.local.v2-0.xsd'))
    try:
        document = etree.parse(str(mets_path))
    except etree.XMLSyntaxError as error:
        return [{'rule': 'XML', 'message': f'{mets_path.name}: {error}'}]
    if schema.validate(document):
        return []
    return [{'rule': 'XSD', 'message': f'{mets_path}: line {entry.line}: {entry.message}'} for entry in schema.error_log]


# SIP14 as shipped asks every note of a creator agent for a NOTETYPE attribute without a
# namespace, which the package's own METS schema (mets.csip.local.v2-0.xsd) refuses, while
# CSIP15/CSIP16 demand a note on the software creator: no package passes both. The SIP
# specification means the E-ARK extension's attribute (csip:NOTETYPE, whose vocabulary holds
# IDENTIFICATIONCODE and SOFTWARE VERSION), and that is how it is run here.
CORRECTED_TESTS = {
    'SIP14': ("@NOTETYPE = 'IDENTIFICATIONCODE'", "@csip:NOTETYPE = 'IDENTIFICATIONCODE' or @csip:NOTETYPE = 'SOFTWARE VERSION'"),
}


def schematron_problems(mets_path, corrected=True, advice=None):
    tests = placeholder_tests()
    document = etree.parse(str(mets_path))
    problems = []
    for specification in ('CSIP', 'SIP'):
        for rules_file in sorted((RESOURCES / 'schematron' / VERSION / specification).glob('*.xml')):
            text = rules_file.read_text(encoding='utf-8')
            for name, test in tests.items():
                text = text.replace(name, test)
            if corrected:
                for rule, (shipped, meant) in CORRECTED_TESTS.items():
                    text = text.replace(f'id="{rule}" role="ERROR" test="{shipped}"', f'id="{rule}" role="ERROR" test="{meant}"')
            schematron = Schematron(etree=etree.XML(text.encode('utf-8')), store_report=True)
            schematron.validate(document)
            for failure in schematron.validation_report.iter(SVRL + 'failed-assert', SVRL + 'successful-report'):
                role = (failure.get('role') or 'ERROR').upper()
                # The validator counts only ERROR as failing; warnings and information are advice.
                message = failure.find(SVRL + 'text').text
                found = {'rule': failure.get('id'), 'message': f'{rules_file.name}: {message.strip() if message else ""}'}
                if role.startswith('ERR'):
                    problems.append(found)
                elif role.startswith('WARN') and advice is not None:
                    advice.append(found)
    return problems


def manifest_problems(root):
    """Every file a METS names is there, with its size and SHA-256; every file is named."""
    problems = []
    named = set()
    for mets_path in [root / 'METS.xml', *sorted(root.glob('representations/*/METS.xml'))]:
        if not mets_path.is_file():
            continue
        base = mets_path.parent
        named.add(mets_path.resolve())
        document = etree.parse(str(mets_path))
        entries = document.iterfind('.//mets:file', NS)
        for element in [*entries, *document.iterfind('.//mets:mdRef', NS)]:
            location = element.find('mets:FLocat', NS) if element.tag.endswith('}file') else element
            href = location.get(XLINK_HREF) if location is not None else None
            if not href:
                problems.append({'rule': 'MANIFEST', 'message': f'{mets_path.name}: an entry without a location'})
                continue
            target = (base / href).resolve()
            named.add(target)
            if not target.is_file():
                problems.append({'rule': 'MANIFEST', 'message': f'{href}: named in {mets_path.relative_to(root)} but missing'})
                continue
            data = target.read_bytes()
            if element.get('CHECKSUMTYPE') != 'SHA-256':
                problems.append({'rule': 'MANIFEST', 'message': f'{href}: checksum type {element.get("CHECKSUMTYPE")}, not SHA-256'})
            if element.get('CHECKSUM', '').lower() != hashlib.sha256(data).hexdigest():
                problems.append({'rule': 'MANIFEST', 'message': f'{href}: SHA-256 does not match'})
            if element.get('SIZE') != str(len(data)):
                problems.append({'rule': 'MANIFEST', 'message': f'{href}: size {element.get("SIZE")}, file has {len(data)}'})
        for pointer in document.iterfind('.//mets:mptr', NS):
            target = (base / pointer.get(XLINK_HREF, '')).resolve()
            if not target.is_file():
                problems.append({'rule': 'MANIFEST', 'message': f'{pointer.get(XLINK_HREF)}: pointed to but missing'})
    for path in root.rglob('*'):
        if path.is_file() and path.resolve() not in named:
            problems.append({'rule': 'MANIFEST', 'message': f'{path.relative_to(root)}: in the package but named by no METS'})
    return problems


def check(zip_path, advice, uncorrected):
    with tempfile.TemporaryDirectory() as folder:
        with zipfile.ZipFile(zip_path) as archive:
            bad = archive.testzip()
            if bad:
                return [{'rule': 'ZIP', 'message': f'{bad} is damaged'}], 0
            archive.extractall(folder)
        roots = os.listdir(folder)
        if len(roots) != 1 or not (Path(folder) / roots[0]).is_dir():
            return [{'rule': 'CSIPSTR1', 'message': f'the zip does not unpack to one root folder: {roots}'}], 0
        root = Path(folder) / roots[0]
        problems = structure_problems(root)
        mets = root / 'METS.xml'
        if mets.is_file():
            problems += schema_problems(mets)
            if not any(problem['rule'] in ('XML',) for problem in problems):
                problems += schematron_problems(mets, advice=advice)
                shipped_only = [p['rule'] for p in schematron_problems(mets, corrected=False)]
                uncorrected.extend(shipped_only)
                objid = etree.parse(str(mets)).getroot().get('OBJID')
                if objid != root.name:
                    problems.append({'rule': 'CSIPSTR2', 'message': f'root folder {root.name} is not named by OBJID {objid}'})
        for representation_mets in sorted(root.glob('representations/*/METS.xml')):
            problems += schema_problems(representation_mets)
        problems += manifest_problems(root)
        return problems, sum(1 for path in root.rglob('*') if path.is_file())


if __name__ == '__main__':
    advice, uncorrected = [], []
    found, count = check(sys.argv[1], advice, uncorrected)
    print(json.dumps({'problems': found, 'files': count, 'warnings': advice, 'failingAsShipped': sorted(set(uncorrected))}, ensure_ascii=False))
    sys.exit(1 if found else 0)
