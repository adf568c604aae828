import { type Logger, LogLevel } from '@slack/web-api';

/** A logger that drops everything, for Slack clients and apps whose noise a test does not need. */
export const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
};
