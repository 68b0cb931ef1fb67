import { Controller, Get, Path, Route, Tags } from 'tsoa';

/** A tag that notes can carry. */
export interface Tag {
  /**
   * The tag's name.
   * @extension {"x-ms-summary": "Tag name"}
   */
  name: string;
  /**
   * How many notes carry it.
   * @extension {"x-ms-summary": "Note count"}
   */
  count: number;
}

/** The list of tags. */
export interface TagList {
  /** @extension {"x-ms-summary": "Tags"} */
  value: Tag[];
}

const TAGS: Tag[] = [{ name: 'welcome', count: 1 }];

/** Tags: an ordinary tsoa controller copied into a project made by `connectorkit init` (scripts/init/new-project.test.ts). */
@Route('tags')
@Tags('Tags')
export class TagsController extends Controller {
  /**
   * Lists every tag with the number of notes that carry it.
   * @summary List tags
   */
  @Get()
  public async ListTags(): Promise<TagList> {
    return { value: TAGS };
  }

  /**
   * Gets one tag by its name (a tag no note carries has the count 0).
   * @summary Get a tag
   * @param tagName The tag's name, e.g. welcome.
   */
  @Get('{tagName}')
  public async GetTag(@Path() tagName: string): Promise<Tag> {
    return TAGS.find((t) => t.name === tagName) ?? { name: tagName, count: 0 };
  }
}
