// /create — the eleven task types, each with what it is for and an example.
import { Link } from "@tanstack/react-router";
import { TASK_TYPES, taskTypeRegistry } from "../../schema";
import { PageHeader } from "../tasks";
import { TYPE_CARDS } from "./typeCards";
import css from "./create.module.css";

export function CreateIndexPage() {
  return (
    <div className={css.page}>
      <PageHeader title="Create a task" subtitle="Pick what the labeler should do. The form is the API's own request: every field shows its wire name." />
      <ul className={css.typeGrid} aria-label="Task types">
        {TASK_TYPES.map((type) => {
          const card = TYPE_CARDS[type];
          return (
            <li key={type}>
              <Link to="/create/$type" params={{ type }} search={{}} className={css.typeCard}>
                <span className={css.typeImage} aria-hidden="true">
                  <img src={card.image} alt="" loading="lazy" />
                  <svg viewBox="0 0 300 200" preserveAspectRatio="none">
                    {card.overlay}
                  </svg>
                </span>
                <span className={css.typeName}>{taskTypeRegistry[type].title}</span>
                <code className={css.wire}>{type}</code>
                <span className={css.typeLine}>{card.line}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
