import { Controller, Get } from '@nestjs/common';
import { PARTIES } from '../../libs/domain';

@Controller('api/parties')
export class PartyController {
  @Get()
  list(): { id: string; name: string; kind: string }[] {
    return PARTIES.map(({ id, name, kind }) => ({ id, name, kind }));
  }
}
