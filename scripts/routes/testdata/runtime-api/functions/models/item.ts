export interface Address {
  street: string;
  city: string;
}

export interface CreateItemRequest {
  /** @minLength 1 */
  name: string;
  /** @format email */
  email: string;
  /** @isInt */
  quantity: number;
  tags?: string[];
  address?: Address;
}

export interface Item extends CreateItemRequest {
  id: string;
  user?: unknown;
}

export interface SearchQuery {
  term: string;
  page?: number;
  ids?: number[];
}

export interface Echo {
  id: number;
  expand?: boolean;
  tags?: number[];
  limit?: number;
  since?: Date;
}
