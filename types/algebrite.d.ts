declare module 'algebrite' {
  interface AlgebriteResult {
    toString(): string;
  }
  const Algebrite: {
    run(expr: string): string;
    eval(expr: string): AlgebriteResult;
    clearall(): void;
    [k: string]: unknown;
  };
  export default Algebrite;
}
