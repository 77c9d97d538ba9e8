import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { sipZip } from '../../libs/archive/sip-package';
import type { PackageFile } from '../../libs/archive/package-file';
import { FileStorageService } from './file-storage.service';
import { SOFTWARE } from '../../libs/config/software';
import { answersRecordSchema, caseRecordSchema, historyRecordSchema, type CaseRecord, type CaseView } from '../../libs/contract';
import { CLOSED_STAGES, STAGE_LABELS, isClosed } from '../../libs/domain';
import { longDate } from '../../libs/format/swedish-dates';
import { ApiConfig } from './api-config';
import { ApiError } from './api-error';
import { CaseService } from './case.service';
import { Clock } from './clock';
import { caseRecordPdf } from './web/case-record.pdf';
import { Naming, historyText } from './web/swedish-format';

const JSON_TYPE = 'application/json';

/**
 * A closed case as an archive package (E-ARK SIP, one zip): the case, every answer with its
 * evidence and the whole history as data with their schemas, the case's record as a tagged
 * PDF, Dublin Core and PREMIS metadata, and METS with every file's SHA-256.
 */
@Injectable()
export class CaseArchiveService {
  constructor(
    private readonly cases: CaseService,
    private readonly config: ApiConfig,
    private readonly clock: Clock,
    private readonly files: FileStorageService,
  ) {}

  async archive(id: string): Promise<{ fileName: string; zip: Buffer }> {
    const view = await this.cases.get(id);
    if (!isClosed(view.stage)) {
      throw new ApiError('conflict', `Arkivpaket görs för avslutade ärenden; ärendet ${STAGE_LABELS[view.stage]}.`);
    }
    const naming = new Naming(this.config.names).with(view.parties);
    const packagedAt = this.clock.now().toISOString();
    const record = caseRecordSchema.parse(this.recordOf(view, naming, packagedAt));
    const answers = answersRecordSchema.parse(view.parties);
    const history = historyRecordSchema.parse(view.history.map((entry) => ({ ...entry, text: historyText(entry, naming) })));
    const objid = `overens-${view.id}`;
    const zip = sipZip({
      objid,
      label: view.title,
      created: packagedAt,
      creator: { software: SOFTWARE.name, version: SOFTWARE.version, organisation: record.organisation },
      description: {
        identifier: view.id,
        title: view.title,
        reference: view.reference,
        creator: record.organisation,
        description: `${view.processName}. ${naming.stage(view.stage)}${record.closedOn ? ` sedan ${longDate(record.closedOn)}` : ''}.`,
        contributors: view.parties.map((answer) => answer.name),
        opened: view.openedAt.slice(0, 10),
        closed: record.closedOn,
        type: view.processName,
      },
      data: [
        jsonFile('arende.json', record),
        jsonFile('svar.json', answers),
        jsonFile('historik.json', history),
        { path: 'arendeakt.pdf', mimeType: 'application/pdf', bytes: await caseRecordPdf(record, view, naming) },
        ...(await this.uploadedFiles(view)),
      ],
      schemas: [
        jsonFile('arende.schema.json', z.toJSONSchema(caseRecordSchema)),
        jsonFile('svar.schema.json', z.toJSONSchema(answersRecordSchema)),
        jsonFile('historik.schema.json', z.toJSONSchema(historyRecordSchema)),
      ],
      documentation: [{ path: 'om-paketet.txt', mimeType: 'text/plain', bytes: Buffer.from(aboutThePackage(record, objid)) }],
      // The same steps as historik.json, told once.
      events: history.map((entry) => ({
        id: `${view.id}-${entry.sequence}`,
        type: entry.type,
        at: entry.at,
        detail: `${entry.date ? `${entry.date}: ` : ''}${entry.text}${entry.note ? ` (${entry.note})` : ''}`,
        agent: entry.actor,
      })),
    });
    return { fileName: `${objid}.zip`, zip };
  }

  /** Every uploaded file the case refers to, as stored: each attachment's versions, and the parties' minutes excerpts. */
  private async uploadedFiles(view: CaseView): Promise<PackageFile[]> {
    const wanted = [
      ...view.attachments.flatMap((attachment, index) => [
        ...attachment.earlier.map((earlier) => ({ file: earlier.file, path: `bilagor/bilaga-${index + 1}-v${earlier.version}-${packageName(earlier.file.name)}` })),
        ...(attachment.file ? [{ file: attachment.file, path: `bilagor/bilaga-${index + 1}-v${attachment.version ?? 1}-${packageName(attachment.file.name)}` }] : []),
      ]),
      ...view.parties.flatMap((answer) =>
        answer.minutesFile ? [{ file: answer.minutesFile, path: `protokollsutdrag/${answer.party}-${packageName(answer.minutesFile.name)}` }] : [],
      ),
    ];
    const packaged: PackageFile[] = [];
    for (const { file, path } of wanted) {
      const { meta, content } = await this.files.read(file.id);
      packaged.push({ path, mimeType: meta.mediaType, bytes: content });
    }
    return packaged;
  }

  private recordOf(view: CaseView, naming: Naming, packagedAt: string): CaseRecord {
    return {
      id: view.id,
      title: view.title,
      reference: view.reference,
      organisation: this.config.names.organisation,
      process: { ...view.process, name: view.processName },
      stage: view.stage,
      stageName: naming.stage(view.stage),
      openedAt: view.openedAt,
      closedOn: closedOn(view),
      deadline: view.deadline,
      version: view.version,
      attachments: view.attachments,
      parties: view.parties.map((answer) => ({ party: answer.party, name: answer.name })),
      validity: view.validity,
      followUp: view.followUp,
      financing: view.financing,
      extendsCase: view.extendsCase,
      inForceSince: view.inForceSince,
      packagedAt,
    };
  }
}

/** The date of the step that last brought the case into a closed stage. */
function closedOn(view: CaseView): string | null {
  let closed: string | null = null;
  let before: (typeof view.history)[number]['stage'] | undefined;
  for (const entry of view.history) {
    if (CLOSED_STAGES.includes(entry.stage) && (before === undefined || !CLOSED_STAGES.includes(before))) closed = entry.date ?? entry.at.slice(0, 10);
    before = entry.stage;
  }
  return closed;
}

/** A file name as a path inside the package: letters without accents, digits, dot, dash and underscore. */
function packageName(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'fil';
}

function jsonFile(path: string, value: unknown): PackageFile {
  return { path, mimeType: JSON_TYPE, bytes: Buffer.from(`${JSON.stringify(value, null, 2)}\n`) };
}

/** The package's own description, in Swedish, for whoever opens it without the software. */
function aboutThePackage(record: CaseRecord, objid: string): string {
  return `Arkivpaket ${objid}
${record.title}${record.reference ? ` (diarienummer ${record.reference})` : ''}

Paketet är ett informationspaket för leverans (SIP) enligt E-ARK CSIP/SIP 2.1, gjort av
${SOFTWARE.name} ${SOFTWARE.version} för ${record.organisation} ${record.packagedAt}.

METS.xml                          paketets innehållsförteckning: varje fil med storlek och SHA-256
metadata/descriptive/dc.xml       beskrivning i Dublin Core: rubrik, diarienummer, parter, datum
metadata/preservation/premis.xml  bevarandeinformation i PREMIS 3: filernas kontrollsummor och
                                  ärendets händelser med vem som tog varje steg
representations/rep1/METS.xml     representationens innehållsförteckning
representations/rep1/data/
  arende.json                     ärendet: rubrik, process, parter, giltighet, uppföljning, finansiering
  svar.json                       varje parts svar med underlag: beslutande organ, paragraf,
                                  partens diarienummer, protokollslänk, anslag, laga kraft
  historik.json                   varje steg i ordning: när det registrerades, datumet det avser, av vem
  arendeakt.pdf                   ärendeakten som tillgänglig (taggad) PDF
  bilagor/                        ärendets uppladdade bilagor, varje version (bilaga-<nr>-v<version>-<namn>)
  protokollsutdrag/               parternas uppladdade protokollsutdrag (<part>-<namn>)
schemas/                          JSON Schema för de tre datafilerna
documentation/om-paketet.txt      den här filen

Kontrollera en fil: sha256sum <fil> och jämför med CHECKSUM för filen i METS.xml.
`;
}
