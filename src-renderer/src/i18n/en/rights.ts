// A customer's rights (issue 15, item 7): the export of everything held about one customer and
// erasing a customer, from the customer page.
export const rights = {
  rights: {
    menu: 'Privacy rights',
    exportItem: 'Export this customer’s data',
    eraseItem: 'Erase customer…',
    export: {
      title: 'Export everything held about {{name}}',
      body: 'One readable file (HTML, opens in any browser and prints) with their profile, consents, tags, orders, messages, feedback, notes, tasks, sentiment, segment, predictions, campaign messages and the record of changes about them, for a request to see their data (GDPR article 15, PIPL article 45).',
      language: 'Language of the file',
      masked: 'Privacy mode is on: names, contact details and texts in the file will be hidden.',
      confirm: 'Export',
      running: 'Writing {{name}}’s data…',
      saved: 'Customer data saved',
      savedBody: '{{file}}',
      failed: 'Could not export the customer’s data',
    },
    erase: {
      title: 'Erase {{name}}',
      body: 'Erasing removes this customer and everything that says who they are, for a request to be forgotten (GDPR article 17, PIPL article 47).',
      keepOrders: 'Keep their orders as anonymised totals',
      keepOrdersHint_one: 'Their {{count}} order stays with its amount, date and products under “Erased customer”, so revenue figures stay true. Name, contact details, company, consents, messages, feedback, notes, tasks, tags and campaign messages are deleted.',
      keepOrdersHint_other: 'Their {{count}} orders stay with their amounts, dates and products under “Erased customer”, so revenue figures stay true. Name, contact details, company, consents, messages, feedback, notes, tasks, tags and campaign messages are deleted.',
      deleteAllHint_one: 'Everything is deleted, their {{count}} order too: revenue figures will drop by it.',
      deleteAllHint_other: 'Everything is deleted, their {{count}} orders too: revenue figures will drop by them.',
      audit: 'The audit log keeps that an erasure happened and when, not what was erased; earlier entries about them are blanked.',
      irreversible: 'This cannot be undone. A backup made before now still holds them.',
      typeLabel: 'To confirm, type their name or ERASE',
      typePlaceholder: 'ERASE',
      confirm: 'Erase for good',
      done: '{{name}} was erased',
      doneKept_one: 'Their {{count}} order is kept as an anonymised total.',
      doneKept_other: 'Their {{count}} orders are kept as anonymised totals.',
      doneAll: 'Everything about them was deleted.',
    },
  },
};
