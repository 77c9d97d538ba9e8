import type { DataSource } from 'typeorm';

export type MeetingBody = 'network' | 'council';

export interface Meeting {
  readonly body: MeetingBody;
  /** YYYY-MM-DD */
  readonly date: string;
}

/** The meeting calendar of the network and the council. */
export class MeetingRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The meetings on or after `from`, earliest first. */
  async from(from: string): Promise<Meeting[]> {
    const rows: { body: MeetingBody; date: string }[] = await this.dataSource.query(
      `SELECT body, to_char(date, 'YYYY-MM-DD') AS date FROM meetings WHERE date >= $1 ORDER BY date, body`,
      [from],
    );
    return rows;
  }

  async add(meeting: Meeting): Promise<void> {
    await this.dataSource.query(`INSERT INTO meetings (body, date) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [meeting.body, meeting.date]);
  }

  async remove(meeting: Meeting): Promise<void> {
    await this.dataSource.query(`DELETE FROM meetings WHERE body = $1 AND date = $2`, [meeting.body, meeting.date]);
  }
}
