/** The subject fields CCM reports in `distinguished_name`, as stored in a row. */
export interface DnFields {
  readonly common_name: string | null;
  readonly country: string | null;
  readonly state: string | null;
  readonly locality: string | null;
  readonly organization: string | null;
  readonly organizational_unit: string | null;
}

/** Sort directions and how a list is paged, shared by both list operations. */
export interface ListWindow {
  readonly limit: number;
  readonly offset: number;
  readonly sortDir: "ASC" | "DESC";
}
