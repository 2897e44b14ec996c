/** Kafka's topic name rule: 1-249 of [a-zA-Z0-9._-], and not `.` or `..`. */
const LEGAL_TOPIC_NAME = /^[a-zA-Z0-9._-]+$/;
const MAX_TOPIC_NAME_LENGTH = 249;

export function isValidTopicName(name: string): boolean {
  return name.length <= MAX_TOPIC_NAME_LENGTH && LEGAL_TOPIC_NAME.test(name) && name !== '.' && name !== '..';
}
