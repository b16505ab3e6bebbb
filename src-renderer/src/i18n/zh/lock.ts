// Strings of issue 15's lock work (stub until it lands).
export const lockMessages = {
  lock: {},
};
