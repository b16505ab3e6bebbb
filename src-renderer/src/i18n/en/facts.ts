// English strings of the Shop facts page: what replies and campaign messages may tell customers
// about the shop, one topic per field (FACT_TOPICS in src-main/shared/drafting.ts), each with a
// hint of what to write and an example in the UI's language.
export const facts = {
  facts: {
    title: 'Shop facts',
    subtitle: 'What reply drafts and campaign messages may tell customers about your shop.',
    rule: 'Drafts rely on these facts and nothing else about the shop. They never invent a policy, a price, a date or an order number: one that is not in the customer’s records or on this page is flagged on the draft before you see it.',
    languages: 'Write in English, Chinese or both. Leave a topic empty and drafts will not speak about it.',
    example: 'For example: {{text}}',
    count: '{{n}} / {{max}}',
    tooLong: '{{n}} characters over the limit',
    written_one: '{{count}} of {{total}} topics written',
    written_other: '{{count}} of {{total}} topics written',
    save: 'Save',
    saved: 'Saved',
    unsaved: 'Unsaved changes',
    discard: 'Discard changes',
    savedNote: 'Shop facts saved',
    saveHint: '{{keys}} saves',
    topics: {
      name: {
        label: 'Shop name',
        hint: 'The name replies and campaign messages are signed with.',
        example: 'Celadon Tea House',
      },
      returns: {
        label: 'Returns and exchanges',
        hint: 'How long customers have, what condition items must be in, who pays the postage, how and when refunds are paid.',
        example: 'Returns within 30 days of delivery, unused and with tags. We pay return postage for faulty items. Refunds go back to the original payment within 5 working days.',
      },
      delivery: {
        label: 'Delivery times',
        hint: 'Where you deliver, how long it takes, what it costs and when an order leaves.',
        example: 'Orders placed before 3 pm leave the same day. Mainland China 2–4 days, Hong Kong 3–5 days. Free delivery over ¥299, otherwise ¥12.',
      },
      hours: {
        label: 'Opening hours',
        hint: 'When the shop and customer service are open, and the holidays you close for.',
        example: 'Shop: Monday to Saturday 10:00–20:00, closed on Sundays. Messages answered 9:00–18:00 on working days.',
      },
      contacts: {
        label: 'Contacts',
        hint: 'How customers reach you: phone, email, WeChat, the shop’s address.',
        example: 'Phone 021-5555 0123 · service@example.com · WeChat PatronShop · 88 West Nanjing Road, Shanghai',
      },
      offers: {
        label: 'Current offers',
        hint: 'What is on now and until when. Remove an offer when it ends, so no draft promises it.',
        example: '15% off all tea sets until 31 December. Members get a free gift with orders over ¥500.',
      },
      other: {
        label: 'Anything else',
        hint: 'Anything else a reply may rely on: warranty, gift wrapping, how to care for what you sell.',
        example: 'Ceramics carry a one-year warranty against cracks. Free gift wrapping on request.',
      },
    },
    leave: {
      title: 'Leave without saving?',
      body: 'Your changes to the shop facts have not been saved. Drafts keep using the facts as they were last saved.',
      stay: 'Stay and save',
      leave: 'Leave without saving',
    },
  },
};
