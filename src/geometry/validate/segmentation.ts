import { isHttpUrl, type MaskEntry, type SegmentannotationParams, type SegmentannotationResponse } from "../../schema";
import { at, type Issues } from "./issues";

// A segmentation answer's structure: a labelMapping entry per label (an array for instance
// labels), unique indices and colours, a mask URL per label and instance. The pixels themselves
// are the server's to check (it can read the files it hosts): `checkSegmentation` returns the
// index → colour table that check needs.

/** The mapped indices and their colours (lower case), for a pixel check. */
export type MaskIndexColors = Map<number, string>;

export function checkSegmentation(p: SegmentannotationParams, r: SegmentannotationResponse, issues: Issues): MaskIndexColors {
  const instance = new Set(p.instance_labels);
  const all = [...p.labels, ...p.instance_labels];
  const entries: { path: string; entry: MaskEntry }[] = [];
  const mapping = "response.labelMapping";
  for (const key of Object.keys(r.labelMapping)) {
    if (!all.includes(key)) issues.add(at(mapping, key), "is not one of labels or instance_labels");
  }
  for (const label of all) {
    const value = r.labelMapping[label];
    const path = at(mapping, label);
    if (value === undefined) {
      issues.add(path, "is required: every label needs an entry");
    } else if (instance.has(label) !== Array.isArray(value)) {
      issues.add(path, instance.has(label) ? "must be an array (one entry per instance of an instance label)" : "must be one {color, index} (not an instance label)");
    } else if (Array.isArray(value)) {
      value.forEach((entry, i) => entries.push({ path: at(path, i), entry }));
    } else {
      entries.push({ path, entry: value });
    }
  }
  const indices: MaskIndexColors = new Map();
  const colors = new Set<string>();
  for (const { path, entry } of entries) {
    if (entry.index === 0) issues.add(at(path, "index"), "0 is kept for unlabeled pixels");
    if (indices.has(entry.index)) issues.add(at(path, "index"), `${entry.index} is used twice`);
    indices.set(entry.index, entry.color.toLowerCase());
    if (colors.has(entry.color.toLowerCase())) issues.add(at(path, "color"), `${entry.color} is used twice`);
    colors.add(entry.color.toLowerCase());
  }

  const ann = "response.annotations";
  if (!p.allow_unlabeled && r.annotations.unlabeled !== null) issues.add(at(ann, "unlabeled"), "must be null when allow_unlabeled is false");
  for (const key of Object.keys(r.annotations.labeled)) {
    if (!all.includes(key)) issues.add(at(at(ann, "labeled"), key), "is not one of labels or instance_labels");
  }
  const urls: [string, string][] = [
    [at(at(ann, "combined"), "image"), r.annotations.combined.image],
    [at(at(ann, "combined"), "indexedImage"), r.annotations.combined.indexedImage],
  ];
  if (r.annotations.unlabeled) urls.push([at(ann, "unlabeled"), r.annotations.unlabeled]);
  for (const label of all) {
    const masks = r.annotations.labeled[label];
    const path = at(at(ann, "labeled"), label);
    const mapped = r.labelMapping[label];
    if (masks === undefined) {
      issues.add(path, "is required: every label has a mask");
    } else if (instance.has(label)) {
      if (!Array.isArray(masks)) issues.add(path, "must be an array of masks, one per instance");
      else {
        if (Array.isArray(mapped) && masks.length !== mapped.length) issues.add(path, `has ${masks.length} masks for ${mapped.length} instances in labelMapping`);
        masks.forEach((u, i) => urls.push([at(path, i), u]));
      }
    } else if (typeof masks !== "string") {
      issues.add(path, "must be one mask URL (not an instance label)");
    } else {
      urls.push([path, masks]);
    }
  }
  for (const [path, url] of urls) if (!isHttpUrl(url)) issues.add(path, "must be an http or https URL");
  return indices;
}
