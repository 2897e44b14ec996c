// End-to-end tests start five processes and load the demo campus.
jest.setTimeout(120_000);
