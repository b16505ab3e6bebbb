// Strings of issue 15's audit work (stub until it lands).
export const audit = {
  audit: {},
};
