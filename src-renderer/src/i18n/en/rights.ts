// Strings of issue 15's rights work (stub until it lands).
export const rights = {
  rights: {},
};
