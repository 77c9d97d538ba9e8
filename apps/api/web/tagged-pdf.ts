import PDFDocument from 'pdfkit';

/** A4 with 2 cm margins, in points. */
const MARGIN = 57;

export interface PdfColumn {
  readonly heading: string;
  readonly width: number;
}

/**
 * A tagged PDF in Swedish, written in reading order: headings, paragraphs, lists and tables
 * go into the structure tree, and the title is shown as the document's name, so that a
 * screen reader reads it as it reads a page.
 */
export class TaggedPdf {
  private readonly doc: PDFKit.PDFDocument;
  private readonly document: PDFKit.PDFStructureElement;
  private readonly done: Promise<Buffer>;

  constructor(info: { title: string; author: string; subject: string; created: Date }) {
    this.doc = new PDFDocument({
      size: 'A4',
      margin: MARGIN,
      pdfVersion: '1.7',
      tagged: true,
      lang: 'sv-SE',
      displayTitle: true,
      info: { Title: info.title, Author: info.author, Subject: info.subject, CreationDate: info.created },
    });
    const chunks: Buffer[] = [];
    this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    this.done = new Promise<Buffer>((resolve) => this.doc.on('end', () => resolve(Buffer.concat(chunks))));
    this.document = this.doc.struct('Document');
    this.doc.addStructure(this.document);
  }

  heading(level: 'H1' | 'H2', text: string): void {
    this.document.add(
      this.doc.struct(level, {}, () => {
        this.doc.moveDown(level === 'H1' ? 0 : 0.8);
        this.doc.font('Helvetica-Bold').fontSize(level === 'H1' ? 16 : 13).text(text);
        this.doc.moveDown(0.3);
      }),
    );
  }

  paragraph(text: string): void {
    this.document.add(this.doc.struct('P', {}, () => this.doc.font('Helvetica').fontSize(10).text(text)));
  }

  list(items: readonly string[]): void {
    const element = this.doc.struct('L');
    this.document.add(element);
    for (const item of items) {
      element.add(
        this.doc.struct('LI', {}, [
          this.doc.struct('LBody', {}, () => {
            this.doc.font('Helvetica').fontSize(10).text(`– ${item}`, { indent: 8 });
          }),
        ]),
      );
    }
    element.end();
  }

  /** A table of text cells with a header row, each cell its own TH or TD in the structure. */
  table(columns: readonly PdfColumn[], rows: readonly (readonly string[])[]): void {
    const doc = this.doc;
    const element = doc.struct('Table');
    this.document.add(element);
    const row = (cells: readonly string[], kind: 'TH' | 'TD') => {
      doc.font(kind === 'TH' ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
      const height = Math.max(...cells.map((cell, index) => doc.heightOfString(cell, { width: columns[index].width - 6 }))) + 6;
      if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
      const top = doc.y;
      let x = MARGIN;
      const tr = doc.struct('TR');
      element.add(tr);
      cells.forEach((cell, index) => {
        const left = x;
        tr.add(doc.struct(kind, {}, () => doc.text(cell, left, top + 3, { width: columns[index].width - 6 })));
        x += columns[index].width;
      });
      tr.end();
      doc.x = MARGIN;
      doc.y = top + height;
    };
    row(
      columns.map((column) => column.heading),
      'TH',
    );
    for (const cells of rows) row(cells, 'TD');
    element.end();
  }

  /** Closes the document and answers its bytes. */
  finish(): Promise<Buffer> {
    this.document.end();
    this.doc.end();
    return this.done;
  }
}
