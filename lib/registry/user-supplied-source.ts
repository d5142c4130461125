/** What an uploader's own facts (a model mapped by entering its scale) are recorded as coming from. */
export const USER_SUPPLIED_SOURCE = "user-supplied with an upload";
