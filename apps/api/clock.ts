import { calendarDate } from '../../libs/domain';

/** The API's sense of now, in one place so that "today" means the same date everywhere. */
export class Clock {
  constructor(private readonly timeZone: string) {}

  now(): Date {
    return new Date();
  }

  today(): string {
    return calendarDate(this.now(), this.timeZone);
  }
}
