import { z } from "zod";
import { type Product, productSchema } from "./product.js";
import { type Vendor, vendorSchema } from "./vendor.js";

/** The vendors and products a reseller sells. */
export interface Catalog {
  readonly vendors: readonly Vendor[];
  readonly products: readonly Product[];
}

const catalogObjectSchema = z
  .object({ vendors: z.array(vendorSchema), products: z.array(productSchema) })
  .strict();

/** zod schema of a {@link Catalog}: ids are unique and every product names a listed vendor. */
export const catalogSchema: z.ZodType<Catalog, z.input<typeof catalogObjectSchema>> = catalogObjectSchema.superRefine(
  (catalog, ctx) => {
    const vendorIds = catalog.vendors.map((vendor) => vendor.id);
    vendorIds.forEach((id, i) => {
      if (vendorIds.indexOf(id) !== i) ctx.addIssue({ code: "custom", path: ["vendors", i, "id"], message: `Duplicate vendor id ${id}` });
    });
    const productIds = catalog.products.map((product) => product.id);
    catalog.products.forEach((product, i) => {
      if (productIds.indexOf(product.id) !== i) {
        ctx.addIssue({ code: "custom", path: ["products", i, "id"], message: `Duplicate product id ${product.id}` });
      }
      if (!vendorIds.includes(product.vendorId)) {
        ctx.addIssue({ code: "custom", path: ["products", i, "vendorId"], message: `Unknown vendor ${product.vendorId}` });
      }
    });
  },
);

/** The JSON form of a {@link Catalog}, as accepted by {@link catalogSchema}. */
export type CatalogInput = z.input<typeof catalogSchema>;
