import { zipSync, type Zippable } from 'fflate';
import { dublinCore, type CaseDescription } from './dublin-core';
import { describe, type DescribedFile, type PackageFile } from './package-file';
import { premis, type PreservationEvent } from './premis';
import { representationMets, rootMets, type PackageCreator } from './sip-mets';

export interface SipContent {
  /** The package's id and the name of its root folder. */
  readonly objid: string;
  readonly label: string;
  /** ISO 8601 instant: when the package was made. */
  readonly created: string;
  readonly creator: PackageCreator;
  readonly description: CaseDescription;
  /** The representation's data, by paths under its `data/` folder. */
  readonly data: readonly PackageFile[];
  /** Paths under `schemas/`. */
  readonly schemas: readonly PackageFile[];
  /** Paths under `documentation/`. */
  readonly documentation: readonly PackageFile[];
  readonly events: readonly PreservationEvent[];
}

const REPRESENTATION = 'rep1';
const XML = 'application/xml';

/**
 * The case as an E-ARK SIP in one zip: a root folder named by the package's id holding
 * METS.xml, metadata/descriptive (Dublin Core), metadata/preservation (PREMIS),
 * representations/rep1 (its own METS.xml, data/ and metadata/), schemas/ and documentation/.
 * Every file is named by a METS with its size and SHA-256.
 */
export function sipZip(content: SipContent): Buffer {
  const under = (folder: string, files: readonly PackageFile[]) => files.map((file) => describe({ ...file, path: `${folder}/${file.path}` }));
  const data = under('data', content.data);
  const representationFolder = `representations/${REPRESENTATION}`;
  const representationMetsFile = describe({
    path: `${representationFolder}/METS.xml`,
    mimeType: XML,
    bytes: Buffer.from(
      representationMets({ objid: `${content.objid}-${REPRESENTATION}`, label: content.label, created: content.created, creator: content.creator, data }),
    ),
  });
  const dataFromRoot = data.map((file) => ({ ...file, path: `${representationFolder}/${file.path}` }));
  const descriptive = describe({ path: 'metadata/descriptive/dc.xml', mimeType: XML, bytes: Buffer.from(dublinCore(content.description)) });
  const preservation = describe({ path: 'metadata/preservation/premis.xml', mimeType: XML, bytes: Buffer.from(premis(dataFromRoot, content.events)) });
  const schemas = under('schemas', content.schemas);
  const documentation = under('documentation', content.documentation);
  const mets = describe({
    path: 'METS.xml',
    mimeType: XML,
    bytes: Buffer.from(
      rootMets({
        objid: content.objid,
        label: content.label,
        created: content.created,
        creator: content.creator,
        descriptive,
        preservation,
        documentation,
        schemas,
        representation: { name: REPRESENTATION, mets: representationMetsFile },
      }),
    ),
  });
  const tree: Zippable = {};
  for (const file of [mets, descriptive, preservation, representationMetsFile, ...dataFromRoot, ...schemas, ...documentation]) {
    place(tree, `${content.objid}/${file.path}`, file);
  }
  // The representation's metadata folder is there, as CSIP asks, even with nothing in it yet.
  place(tree, `${content.objid}/${representationFolder}/metadata/`, undefined);
  return Buffer.from(zipSync(tree, { level: 6, mtime: new Date(content.created) }));
}

/** Puts a file (or, without one, an empty folder) into fflate's nested tree. */
function place(tree: Zippable, path: string, file: DescribedFile | undefined): void {
  const parts = path.split('/').filter(Boolean);
  let folder = tree;
  for (const part of file ? parts.slice(0, -1) : parts) {
    folder = (folder[part] ??= {}) as Zippable;
  }
  if (file) folder[parts[parts.length - 1]] = new Uint8Array(file.bytes);
}
