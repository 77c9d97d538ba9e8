import type { DescribedFile } from './package-file';
import { attributes, xmlText } from './xml';

/** Who made the package: the software (CSIP) and the organisation that hands it over (SIP). */
export interface PackageCreator {
  readonly software: string;
  readonly version: string;
  readonly organisation: string;
}

export interface RootMetsInput {
  /** The package's id; also the name of its root folder. */
  readonly objid: string;
  readonly label: string;
  /** ISO 8601 instant. */
  readonly created: string;
  readonly creator: PackageCreator;
  readonly descriptive: DescribedFile;
  readonly preservation: DescribedFile;
  readonly documentation: readonly DescribedFile[];
  readonly schemas: readonly DescribedFile[];
  /** The one representation: its name (folder under representations/) and its own METS. */
  readonly representation: { readonly name: string; readonly mets: DescribedFile };
}

export interface RepresentationMetsInput {
  readonly objid: string;
  readonly label: string;
  readonly created: string;
  readonly creator: PackageCreator;
  /** Paths from the representation's folder (`data/…`). */
  readonly data: readonly DescribedFile[];
}

const NAMESPACES = attributes({
  'xmlns:mets': 'http://www.loc.gov/METS/',
  'xmlns:csip': 'https://DILCIS.eu/XML/METS/CSIPExtensionMETS',
  'xmlns:sip': 'https://DILCIS.eu/XML/METS/SIPExtensionMETS',
  'xmlns:xlink': 'http://www.w3.org/1999/xlink',
  'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
  'xsi:schemaLocation': [
    'http://www.loc.gov/METS/ http://www.loc.gov/standards/mets/mets.xsd',
    'http://www.w3.org/1999/xlink http://www.loc.gov/standards/mets/xlink.xsd',
    'https://DILCIS.eu/XML/METS/CSIPExtensionMETS https://earkcsip.dilcis.eu/schema/DILCISExtensionMETS.xsd',
    'https://DILCIS.eu/XML/METS/SIPExtensionMETS https://earksip.dilcis.eu/schema/DILCISExtensionSIPMETS.xsd',
  ].join(' '),
});
const SIP_PROFILE = 'https://earksip.dilcis.eu/profile/E-ARK-SIP.xml';
/** No content information type of the E-ARK vocabulary fits a case record: ours, named. */
const CONTENT_TYPE = 'Överens case record (JSON, PDF)';

/**
 * The package's METS.xml in the shape of E-ARK CSIP/SIP 2.1: header with the software and
 * the organisation as creators, the descriptive and preservation metadata, the
 * documentation and schemas, and the representation through its own METS; every file with
 * its size and SHA-256.
 */
export function rootMets(input: RootMetsInput): string {
  const { objid, created } = input;
  const representationGroup = `Representations/${input.representation.name}`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<mets:mets${NAMESPACES}${attributes({ OBJID: objid, LABEL: input.label, TYPE: 'Mixed', 'csip:CONTENTINFORMATIONTYPE': 'MIXED', PROFILE: SIP_PROFILE })}>
${header(input.creator, created)}
  <mets:dmdSec ID="dmd-descriptive" CREATED="${xmlText(created)}" STATUS="CURRENT">
    ${mdRef(input.descriptive, 'DC', created)}
  </mets:dmdSec>
  <mets:amdSec>
    <mets:digiprovMD ID="digiprov-preservation" STATUS="CURRENT">
      ${mdRef(input.preservation, 'PREMIS', created)}
    </mets:digiprovMD>
  </mets:amdSec>
  <mets:fileSec ID="file-section">
${fileGroup('group-documentation', 'Documentation', input.documentation, 'documentation', created)}
${fileGroup('group-schemas', 'Schemas', input.schemas, 'schema', created)}
${fileGroup('group-representation', representationGroup, [input.representation.mets], 'representation-mets', created)}
  </mets:fileSec>
  <mets:structMap ID="structure-csip" TYPE="PHYSICAL" LABEL="CSIP">
    <mets:div ID="division-package" LABEL="${xmlText(objid)}">
      <mets:div ID="division-metadata" LABEL="Metadata" DMDID="dmd-descriptive" ADMID="digiprov-preservation"/>
      <mets:div ID="division-documentation" LABEL="Documentation">
        <mets:fptr FILEID="group-documentation"/>
      </mets:div>
      <mets:div ID="division-schemas" LABEL="Schemas">
        <mets:fptr FILEID="group-schemas"/>
      </mets:div>
      <mets:div ID="division-representations" LABEL="Representations">
        <mets:fptr FILEID="group-representation"/>
        <mets:div ID="division-representation" LABEL="${xmlText(representationGroup)}">
          <mets:mptr${attributes({ LOCTYPE: 'URL', 'xlink:type': 'simple', 'xlink:href': input.representation.mets.path, 'xlink:title': 'group-representation' })}/>
        </mets:div>
      </mets:div>
    </mets:div>
  </mets:structMap>
</mets:mets>
`;
}

/** The representation's own METS: its data files, with size and SHA-256. */
export function representationMets(input: RepresentationMetsInput): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<mets:mets${NAMESPACES}${attributes({ OBJID: input.objid, LABEL: input.label, TYPE: 'Mixed', 'csip:CONTENTINFORMATIONTYPE': 'MIXED', PROFILE: SIP_PROFILE })}>
${header(input.creator, input.created)}
  <mets:fileSec ID="file-section">
${fileGroup('group-data', 'Data', input.data, 'data', input.created)}
  </mets:fileSec>
  <mets:structMap ID="structure-representation" TYPE="PHYSICAL" LABEL="CSIP">
    <mets:div ID="division-representation" LABEL="${xmlText(input.objid)}">
      <mets:div ID="division-data" LABEL="Data">
        <mets:fptr FILEID="group-data"/>
      </mets:div>
    </mets:div>
  </mets:structMap>
</mets:mets>
`;
}

function header(creator: PackageCreator, created: string): string {
  return `  <mets:metsHdr CREATEDATE="${xmlText(created)}" LASTMODDATE="${xmlText(created)}" RECORDSTATUS="NEW" csip:OAISPACKAGETYPE="SIP">
    <mets:agent ROLE="CREATOR" TYPE="OTHER" OTHERTYPE="SOFTWARE">
      <mets:name>${xmlText(creator.software)}</mets:name>
      <mets:note csip:NOTETYPE="SOFTWARE VERSION">${xmlText(creator.version)}</mets:note>
    </mets:agent>
    <mets:agent ROLE="ARCHIVIST" TYPE="ORGANIZATION">
      <mets:name>${xmlText(creator.organisation)}</mets:name>
    </mets:agent>
  </mets:metsHdr>`;
}

function mdRef(file: DescribedFile, type: 'DC' | 'PREMIS', created: string): string {
  return `<mets:mdRef${attributes({
    LOCTYPE: 'URL',
    'xlink:type': 'simple',
    'xlink:href': file.path,
    MDTYPE: type,
    MIMETYPE: file.mimeType,
    SIZE: file.size,
    CREATED: created,
    CHECKSUM: file.sha256,
    CHECKSUMTYPE: 'SHA-256',
  })}/>`;
}

function fileGroup(id: string, use: string, files: readonly DescribedFile[], prefix: string, created: string): string {
  return `    <mets:fileGrp${attributes({ ID: id, USE: use, 'csip:CONTENTINFORMATIONTYPE': 'OTHER', 'csip:OTHERCONTENTINFORMATIONTYPE': CONTENT_TYPE })}>
${files
  .map(
    (file, index) => `      <mets:file${attributes({
      ID: `${prefix}-${index + 1}`,
      MIMETYPE: file.mimeType,
      SIZE: file.size,
      CREATED: created,
      CHECKSUM: file.sha256,
      CHECKSUMTYPE: 'SHA-256',
    })}>
        <mets:FLocat${attributes({ LOCTYPE: 'URL', 'xlink:type': 'simple', 'xlink:href': file.path })}/>
      </mets:file>`,
  )
  .join('\n')}
    </mets:fileGrp>`;
}
