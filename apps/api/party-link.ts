// Moved to libs/links so that the worker signs links too.
export * from '../../libs/links/party-link';
