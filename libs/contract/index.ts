import { z } from 'zod';

// People read these messages: zod's own ones in Swedish too.
z.config(z.locales.sv());

export * from './case.schemas';
export * from './common.schemas';
export * from './contact.schemas';
export * from './step-kinds';
export * from './register.schemas';
export * from './archive.schemas';
