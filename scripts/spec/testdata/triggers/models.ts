export interface Order {
  id: string;
  total: number;
}
export interface Hook {
  callbackUrl: string;
  label?: string;
}
export interface BadHook {
  target: number;
}
export interface Created {
  id: string;
}
export interface OrderBatch {
  value: Order[];
}
