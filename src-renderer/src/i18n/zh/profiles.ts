// Strings of issue 15's profiles work (stub until it lands).
export const profiles = {
  profiles: {},
};
