// /work until the workbench lands: the labeler's only screen says plainly what is coming.
import { useMe } from "../../client";
import { PageHeader, Section } from "../tasks";
import styles from "./team.module.css";

export function WorkQueuePage() {
  const me = useMe();
  return (
    <>
      <PageHeader title="Work queue" />
      <div className={styles.placeholder}>
        <Section title="Work queue — coming with the workbench">
          <p>
            {me.data?.member ? `Hello ${me.data.member.name}. ` : ""}
            Tasks will be handed to you here one at a time once the annotation workbench is part of this console.
          </p>
          <p className="muted">Until then there is nothing to label. Your admin can tell you when it is ready.</p>
        </Section>
      </div>
    </>
  );
}
