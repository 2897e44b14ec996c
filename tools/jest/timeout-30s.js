// Integration tests create and migrate a database per file.
jest.setTimeout(30_000);
