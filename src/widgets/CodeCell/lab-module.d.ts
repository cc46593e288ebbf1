/** Lets tsc and eslint type-check the lesson cells, which import from "lab". */
declare module "lab" {
  export * from "@/widgets/CodeCell/lab";
}
