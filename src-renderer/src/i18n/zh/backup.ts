// Strings of issue 15's backup work (stub until it lands).
export const backup = {
  backup: {},
};
