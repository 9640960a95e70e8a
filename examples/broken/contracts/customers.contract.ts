import { col, defineContract } from 'datacheck';

export default defineContract({
  name: 'customers',
  version: '1.0.0',
  owner: 'jaffle-analytics',
  source: { file: 'fixtures/customers.csv' },
  columns: {
    id: col.int32().primaryKey(),
    first_name: col.string().pii(),
    // Row 3 holds a card number someone typed into the name.
    last_name: col.string().noPii(),
    signup_channel: col.string().description('Promised by the contract, missing from the data'),
  },
});
