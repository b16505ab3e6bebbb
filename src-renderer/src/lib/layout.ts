export const HEADER_HEIGHT = 56;
