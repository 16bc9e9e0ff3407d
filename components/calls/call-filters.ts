/** The Calls page's filters as they live in the address bar (and in the CSV export's link). */
export type CallFilterValues = {
  source?: string;
  status?: "answered" | "missed";
  trackingNumber?: string;
  from?: string;
  to?: string;
};

export const callFilterKeys = ["source", "status", "trackingNumber", "from", "to"] as const;

export function filtersFromSearchParams(params: Record<string, string | string[] | undefined>): CallFilterValues {
  const one = (key: string) => {
    const value = params[key];
    const text = Array.isArray(value) ? value[0] : value;
    return text ? text : undefined;
  };
  const status = one("status");
  const day = (key: string) => {
    const value = one(key);
    return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
  };
  return {
    source: one("source"),
    status: status === "answered" || status === "missed" ? status : undefined,
    trackingNumber: one("trackingNumber"),
    from: day("from"),
    to: day("to"),
  };
}

export function filtersToQuery(filters: CallFilterValues): string {
  const params = new URLSearchParams();
  for (const key of callFilterKeys) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}
