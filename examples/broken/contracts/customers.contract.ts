import { col, defineContract } from 'datacheck';

export default defineContract({
  name: 'customers',
  version: '1.0.0',
  owner: 'jaffle-analytics',
  source: { file: 'fixtures/customers.csv' },
  columns: {
    id: col.int32().primaryKey(),
    first_name: col.string().pii(),
    last_name: col.string(),
    signup_channel: col.string().description('Promised by the contract, missing from the data'),
  },
});
