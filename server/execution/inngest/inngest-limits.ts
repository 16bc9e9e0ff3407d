/** The longest single `step.sleep` Inngest's free plan allows; a longer wait needs a paid plan. */
export const inngestLongestSleepDays = 7;
